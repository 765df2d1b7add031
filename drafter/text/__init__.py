"""Reading Chinese report text: figures, figures inside sentences, unit words, identity.

By responsibility:

  ``figures``   a count with an optional "approximately" mark, parsed from what people type;
  ``mentions``  every figure written inside a text, with its clause and unit;
  ``units``     the words a report uses for its own unit (全乡, 镇党委 …), from the unit type;
  ``hanzi``     Han-character helpers (Traditional characters mapped for matching);
  ``identity``  who wrote a report and for which year.
"""
