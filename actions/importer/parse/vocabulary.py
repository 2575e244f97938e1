"""Word tables the stages share: months, posts, words that are never names, the verbs of an action.

Add a word here rather than into a pattern: every stage that reads posts or verbs picks it up.
"""

from __future__ import annotations

import re

from core.vocabulary import HONORIFIC_PATTERN, POST_HEADS, POST_WORDS  # noqa: F401 - shared tables

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)


DAY_NAME = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"


DATE_RES = [
    # 23 March 2022 / Wednesday, 23rd March, 2022 / 23rd of March 2022
    re.compile(rf"\b{DAY_NAME}?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I),
    # March 23, 2022
    re.compile(rf"\b{DAY_NAME}?({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
    # 23/03/2022 (UK order, day first)
    re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b"),
]


HONORIFIC = HONORIFIC_PATTERN


# Capitalised words that are almost never part of a person's name.
NOT_NAME = {
    "the", "this", "that", "these", "those", "in", "a", "an", "it", "its", "on", "at", "for", "of", "and", "or",
    "to", "by", "with", "from", "as", "if", "but", "following", "after", "before", "during", "members", "member",
    "councillors", "committee", "council", "board", "plan", "plans", "services", "service", "children",
    "childrens", "children's", "young", "people", "director", "executive", "improvement", "scrutiny", "cabinet",
    "officer", "officers", "manager", "head", "chief", "strategic", "department", "education", "greater",
    "manchester", "police", "health", "social", "care", "report", "ofsted", "local", "authority", "authorities",
    "national", "borough", "county", "city", "district", "public", "chair", "vice", "group", "team", "trust",
    "school", "schools", "nhs", "leader", "portfolio", "holder", "corporate", "assistant", "deputy", "interim",
    "finance", "housing", "adult", "adults", "human", "resources", "inspection", "framework", "strategy",
    "programme", "agenda", "minutes", "item", "items", "policy", "panel", "partnership", "safeguarding", "street",
    "road", "house", "hall", "centre", "place", "town", "overview", "annual", "draft", "government", "state",
    "secretary", "ministry", "office", "information", "appendix", "part", "section", "page", "members'",
    "councillor", "cllr", "resolved", "agreed", "action", "actions", "update", "general", "democratic",
    "vital", "signs", "workforce", "coproduction", "red", "amber", "green", "rag", "community", "youth",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "there", "they", "we", "he", "she", "our", "their", "his", "her", "all", "any", "some", "no", "yes",
    "once", "when", "where", "what", "which", "who", "how", "why", "further", "also", "however", "moreover",
    "furthermore", "continuing", "here", "therefore", "whilst", "while", "although", "original", "nationally",
    "work", "audit", "budget", "financial", "legal", "mental", "primary", "secondary", "special", "task",
    "review", "independent", "inspecting", "monitoring", "standing", "municipal", "year", "new", "next",
}  # fmt: skip


STOP_WORDS = {
    "the", "a", "an", "to", "be", "of", "and", "for", "on", "in", "that", "with", "by", "at", "is", "was", "it",
    "this", "as", "are", "were", "been", "being", "or", "from", "will", "would", "can", "could", "should", "has",
    "have", "had", "its", "their", "there", "which", "who", "into", "also", "all", "any", "not", "so", "than",
    "then", "they", "we", "our", "he", "she", "his", "her", "them", "these", "those", "about", "around",
    "agreed", "provide", "provided", "once",
}  # fmt: skip


# Passive and infinitive forms of verbs that give someone work after the meeting.
ACTION_PARTICIPLES = (
    r"provided|circulated|shared|brought(?:\s+back)?|presented|reported(?:\s+back)?|submitted|re-?submitted|sent|"
    r"created|included|re-?arranged|arranged|re-?scheduled|investigated|written|updated|amended|added|reviewed|prepared|produced|developed|"
    r"explored|sought|published|drafted|scheduled|invited|forwarded|distributed|referred|looked\s+(?:at|into)|"
    r"set\s+up|established|undertaken|carried\s+out|issued|given|organi[sz]ed|requested|convened|revised|"
    r"clarified|followed\s+up|taken\s+forward|made\s+available|fed\s+back|passed\s+(?:on|to)|communicated|"
    r"e-?mailed|raised|escalated|compiled|collated|incorporated|identified|obtained|progressed|pursued|"
    r"contacted|commissioned|implemented|returned|expanded|extended|conveyed|relayed|considered\s+(?:at|by)|"
    r"asked|invited|tabled|listed|copied|added|emailed|notified|informed|advised|chased|explained|"
    r"removed|divided|grouped|placed|merged|combined|renamed|streamlined|reconsidered|offered|split|sorted|"
    r"taken\s+out|supplied|conducted|moved\s+to|reconvened|approached"
)


ACTION_INFINITIVES = (
    r"provide|circulate|share|bring(?:\s+back)?|present|report\s+back|report|submit|send|create|include|arrange|"
    r"investigate|write(?:\s+to)?|update|amend|add|review|prepare|produce|develop|explore|seek|publish|draft|"
    r"schedule|invite|forward|distribute|refer|look\s+(?:at|into)|set\s+up|establish|undertake|carry\s+out|"
    r"issue|give|organi[sz]e|request|convene|revise|clarify|confirm|follow\s+up|feed\s+back|pass\s+on|"
    r"communicate|e-?mail|raise|escalate|compile|collate|incorporate|identify|obtain|progress|pursue|contact|"
    r"ask|commission|implement|return|liaise|check|ensure|visit|arrange|respond|come\s+back|chase|notify|"
    r"inform|advise|explain|table|copy|consider|receive|apply|place|order|purchase|book|"
    r"make\s+(?:contact|enquiries|arrangements|a\s+note|a\s+request|representations?|a\s+representation|a\s+submission)|speak\s+(?:to|with)|talk(?:\s+further)?\s+(?:to|with)|rethink|"
    r"reconvene|chase[\s-]up|find\s+out|finali[sz]e|consult(?:\s+with)?|ascertain|"
    r"meet(?!\s+(?:again|on|in|at|every|monthly|quarterly|as)\b)"
)


TIME = r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?|(?P<noon>noon|midday)"


# Words too common in committee business to show that a sentence and a decision are about the same thing.
GENERIC_WORDS = {
    "committee",
    "report",
    "plan",
    "member",
    "councillor",
    "council",
    "update",
    "meeting",
    "officer",
    "service",
    "item",
    "agenda",
    "information",
    "improvement",
    "work",
    "children",
    "people",
}


# Word-split prefixes whose hyphen is real: "co-\nopted" stays "co-opted".
HYPHEN_PREFIXES = {
    "co", "non", "re", "pre", "sub", "self", "well", "cross", "multi", "long", "short", "part", "full", "ex",
    "anti", "post", "inter", "semi", "vice", "mid", "follow", "one", "two", "three", "four", "five", "year",
}  # fmt: skip


SMALL_WORDS = {"and", "of", "for", "the", "on", "in", "to", "at", "a", "an", "or", "with", "by"}


ROMAN = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12,
}  # fmt: skip


NOT_INITIALS = {"RAG", "AOB", "TBC", "TBA", "NB", "PS", "AND", "THE", "ALL", "NOTE"}


ORG_HEADS = {
    "trust", "partnership", "board", "service", "team", "department", "directorate", "healthwatch", "police",
    "constabulary", "authority", "icb", "agency", "college", "university", "association", "unit",
}  # fmt: skip
