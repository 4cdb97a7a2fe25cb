"""The dispute engine (DESIGN §4, §9): where the case stands and what to do next.

Data plus small pure functions, no Qt:
  calendar      working days (official schedule with 调休, estimated beyond it) and period counting
  rules         the deadline rules (resources/data/rules.json) and the deadline each gives
  compensation  消法 55 and 食品安全法 148, exact to the fen
"""
