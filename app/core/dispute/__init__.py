"""The dispute engine (DESIGN §4, §9): where the case stands and what to do next.

Data plus small pure functions, no Qt:
  calendar      working days (official schedule with 调休, estimated beyond it) and period counting
  rules         the deadline rules (resources/data/rules.json) and the deadline each gives
  compensation  消法 55 and 食品安全法 148, exact to the fen
  known         what the case knows and from where (fields, facts read from the evidence, timeline)
  stages        the escalation ladder and where the case stands
  checklist     the evidence a case of this kind needs, ticked from the exhibits
  contacts      hotlines, 12345, 12315, complaint sites, courts (resources/data/contacts.json)
  court         which court, and whether 小额诉讼 applies
  plan          stage + deadlines + missing + next steps + contacts, for the CLI and the GUI
  texts         the seven texts ready to send, within each channel's length limit
  output        .txt and .docx files, written atomically, never over an earlier one
"""
