"""Answers → blocks through the Jinja templates.

By responsibility:

  ``engine``          the one Jinja environment: render a report's outline into blocks;
  ``context``         what a template sees (answers, the unit's words, sentence helpers);
  ``phrasing``        the grammatical frame each kind of answer gets in a sentence;
  ``outlines``        the report structures a user can choose;
  ``template_cache``  compiled templates kept between runs (Jinja's bytecode cache).

Where templates come from and what they may do is :mod:`drafter.sandbox`.
"""
