"""Time parse_minutes on a ~100-page set of minutes (python benchmarks/bench_parser.py). Target: under 1 s."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actions.importer import parse_minutes  # noqa: E402

HEADER = """Minutes of: CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE

Date of Meeting: 23 March 2022

Present: Councillor S Wright (in the Chair)
Councillors C Boles, S Butler, P Cropper, J Lancaster,
L McBriar, T Pilkington, D Quinn, T Tarig and M Whitby
Helen Chadwick — Trade Union Representative.

Also in attendance: Jacqui Dennis — Director of Law and Democratic Services,
Jeanette Richards — Executive Director of Children and Young
People, Kelly Barnett — Democratic Services Officer.

Apologies for Absence: Georgia Murphy — Youth Cabinet Chair

"""

ITEM = """{n}. DRAFT IMPROVEMENT PLAN PART {n} pdf icon PDF 136 KB

Councillor Lancaster declared a personal interest as she is a member of the parents' forum.

Before the improvement plan was presented to the Committee, members raised issues around
the acronyms used within plan {n} and questioned the targeted audience. Jeanette Richards
explained that the language in the improvement plan was deliberate, as the plan is aimed at
the internal workforce, Ofsted and the DfE advisor and case officer. Jeanette Richards agreed
to provide an appendix with the plan explaining the abbreviations and acronyms used.

In response to Councillor McBriar's question around the issues identified that may impact
housing for care leavers, Jeanette Richards explained that this is an issue with sufficiency of
appropriate accommodation in area {n}. A meeting was established with colleagues in housing and there
is a need to build new provisions and priority afforded to Care Leavers. Jeanette Richards
agreed to bring a report back to the committee around the housing issues for care leavers in area {n}.

Helen Chadwick suggested that the rag rating be amended around each action on the plan so
the committee can see the small changes that have been made. Councillor Tariq explained that
the Local Authority has good connections with all schools, and that the recruitment campaign
had attracted 5 ASYE social workers and 1 experienced practitioner since January 2022 ({n}).

Nadia Roy, Head of Service advised members that audit {n} was complete. The findings can be
shared with the Committee when published. Members noted the position on agency staffing,
which stood at 43% and was inflated by three managed teams commissioned to reduce caseloads.

It was agreed:

1.
 An appendix explaining the abbreviations and acronyms used within the Improvement
Plan to be created.

The Ofsted improvement work to be a standing item on the agenda for the Committee
going forward.

A report around the housing issues for care leavers in area {n} to be brought to a future committee.
To look at amending the RAG rating to reflect each action in the Improvement Plan.
Jeanette Richards to provide the cost of the recruitment campaign video by 31 March 2023.

Resolved that (1) the report be noted; (2) audit findings be shared with members; and (3) a
progress report be submitted to the next meeting.

ACTION: Strategic Director of Children's Service

"""


def build(pages: int = 100) -> str:
    # Item numbers are woven into the prose so no two items are identical (no flattering cache hits).
    return HEADER + "".join(ITEM.format(n=n) for n in range(1, pages + 1)) + "(Note: The meeting ended at 9.45 pm)\n"


def main(runs: int = 5) -> float:
    text = build()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        result = parse_minutes(text)
        timings.append(time.perf_counter() - start)
    best, worst = min(timings), max(timings)
    actions = sum(len(item["actions"]) for item in result["items"])
    print(
        f"parse_minutes on {len(text):,} chars ({len(result['items'])} items, {actions} actions): "
        f"best {best:.3f} s, worst {worst:.3f} s over {runs} runs (target < 1 s)"
    )
    return best


if __name__ == "__main__":
    main()
