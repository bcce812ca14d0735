"""spaCy pipelines for Traditional Chinese and English case texts, built on ``spacy.blank``.

Not built yet: the extractors come with the NLP issue.
"""
