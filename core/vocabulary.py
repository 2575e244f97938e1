"""Words the minutes use about people, shared by the importer's parser (plain Python, no Django)
and the people register's name matching, so both strip the same titles."""

HONORIFIC_WORDS = {
    "councillor", "councillors", "cllr", "cllrs", "mr", "mrs", "ms", "miss", "dr", "professor", "prof", "county",
    "rev", "revd", "reverend", "father", "sir", "dame", "canon",
}  # fmt: skip

# The same titles as they are printed before a name, for the parser's patterns.
HONORIFIC_PATTERN = (
    r"(?:(?:(?:County|District|Borough|Parish|Town)\s+|(?:COUNTY|DISTRICT|BOROUGH|PARISH|TOWN)\s+)?"
    r"(?:Councillors?|COUNCILLORS?|Cllrs?|CLLRS?)|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|"
    r"Revd|Rev|Reverend|Father|Sir|Dame|Canon)\.?"
)
