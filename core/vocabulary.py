"""Words the minutes use about people, shared by the importer's parser (plain Python, no Django),
the importer's writer and the people register's name matching, so all of them read titles and posts alike."""

HONORIFIC_WORDS = {
    "councillor", "councillors", "cllr", "cllrs", "mr", "mrs", "ms", "miss", "dr", "professor", "prof", "county",
    "rev", "revd", "reverend", "father", "sir", "dame", "canon", "alderman", "aldermen",
}  # fmt: skip

# The same titles as they are printed before a name, for the parser's patterns.
HONORIFIC_PATTERN = (
    # A town or parish council's "D/Cllr Grant" and "C/Cllr Heathcoat": the district's and the county's members.
    r"(?:(?:(?:County|District|Borough|Parish|Town)\s+|(?:COUNTY|DISTRICT|BOROUGH|PARISH|TOWN)\s+|[CD]/)?"
    r"(?:Councillors?|COUNCILLORS?|Cllrs?|CLLRS?)|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|"
    r"Revd|Rev|Reverend|Father|Sir|Dame|Canon|Alderman|Aldermen|ALDERMAN|ALDERMEN)\.?"
)

# The first word of a councillor's name as the minutes print it: "Cllr A Khan", "County Councillor B Lee".
COUNCILLOR_TITLES = {"councillor", "councillors", "cllr", "cllrs", "county", "district", "borough", "parish", "town"}

# Words that begin a post/job title; used to tell "Jane Smith, Director of X" from a list of names.
POST_WORDS = {
    "director",
    "head",
    "manager",
    "officer",
    "executive",
    "chief",
    "cabinet",
    "portfolio",
    "leader",
    "clerk",
    "lead",
    "adviser",
    "advisor",
    "coordinator",
    "co-ordinator",
    "commissioner",
    "representative",
    "governor",
    "strategic",
    "assistant",
    "deputy",
    "interim",
    "acting",
    "principal",
    "senior",
    "corporate",
    "service",
    "services",
    "democratic",
    "scrutiny",
    "solicitor",
    "secretary",
    "treasurer",
    "consultant",
    "partner",
    "chair",
    "chairman",
    "chairperson",
    "convener",
    "convenor",
    "mayor",
    "vice-chair",
    "analyst",
    "specialist",
    "superintendent",
    "inspector",
    "co-opted",
    "youth",
    "member",
    "team",
    "general",
    "monitoring",
    "section",
    "policy",
    "programme",
    "facilitator",
    "chairs",
}

# Post words that end a job title: "Community Safety Manager", "Trade Union Representative".
POST_HEADS = {
    "manager", "officer", "director", "adviser", "advisor", "coordinator", "co-ordinator", "lead", "clerk",
    "commissioner", "representative", "governor", "solicitor", "secretary", "treasurer", "consultant", "analyst",
    "specialist", "superintendent", "inspector", "holder", "chair", "leader", "head", "executive", "administrator",
    "engineer", "planner", "facilitator", "accountant", "auditor", "nurse", "worker", "assistant", "partner", "member",
    "chairman",
}  # fmt: skip
