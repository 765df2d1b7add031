"""Files, streams and the console: everything that touches the user's disk or terminal.

By responsibility:

  ``files``     safe reading and atomic writing (never onto an input, never a silent overwrite);
  ``textfile``  text files as Windows editors save them (UTF-8, UTF-16, GBK, Big5);
  ``streams``   the standard streams of a command (UTF-8, broken pipes told apart);
  ``errorlog``  where an internal error's details go;
  ``console``   text laid out for a terminal (full-width characters take two columns);
  ``english``   libraries' English messages said in Chinese.
"""
