"""Following a story across outlets, headless: copies (fingerprint), the terms an
article is grouped by (terms), grouping into stories (grouping), a story's timeline
(timeline) and how each outlet told it (coverage), word differences between two
copies (diff). The library keeps the results in its store (reader.library.stories)."""
