"""The answers: the file a person edits, the typed model, and next year from last year.

By responsibility:

  ``file``        the answers file: round-trip YAML with Chinese label comments, atomic saves;
  ``fast``        the values of an answers file read fast for a build (no comments kept);
  ``yaml_errors`` the YAML library's parse errors explained in Chinese;
  ``migrations``  older ``schema_version`` data made current;
  ``parse``       one answer parsed by its question's kind, with a Chinese message;
  ``records``     the file's bookkeeping (follow-ups, last year, carried figures …) as records;
  ``model``       the typed answers (pydantic) built from the question catalogue, and their validation;
  ``carried``     figures inside texts that came over from last year, and their confirmation;
  ``carryover``   last year's answers → this year's starting point, follow-ups, comparison.
"""
