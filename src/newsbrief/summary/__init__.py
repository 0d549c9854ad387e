"""The summary stages, in the order a brief runs them.

clean → segment → screen → represent → features / concepts → score → select → order → cite;
:mod:`.pipeline` runs them; :mod:`.patterns` holds the word and sentence patterns they share.
Nothing here prints, reads files or knows about the command line, service or batch.
"""
