"""Find things in Chinese: a jieba dictionary tuned to the law (lexicon, tokenize), BM25
full-text search over the graph (bm25, index), item keywords (keywords), and questions in
Chinese mapped onto depends, impact and SPARQL (ask, patterns, sparql)."""
