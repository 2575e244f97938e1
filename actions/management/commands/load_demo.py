"""A realistic, internally consistent demo council, built from published scrutiny minutes.

Every date is relative to the day it runs, so the next meeting is always ahead and the
overdue actions are always overdue.
"""

import datetime

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from actions.models import Action
from actions.scale import grow
from core import hooks
from meetings.models import (
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Membership,
    Person,
    Resolution,
    StandingItem,
    WorkProgrammeItem,
)

PASSWORD = "demo"
LOGINS = [
    ("clerk", "Clerk", "Kelly Barnett, Democratic Services Officer: edits meetings, minutes and actions"),
    ("councillor", "Councillor", "Cllr C Boles, member of the Children and Young People Scrutiny Committee"),
    ("chair", "Councillor", "Cllr S Wright, Chair of that committee"),
    ("officer", "Officer", "Jeanette Richards, Executive Director: owns several actions"),
]
CYP_NAME = "Children and Young People Scrutiny Committee"


def local(days, hour=17, minute=30):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def day(days):
    return timezone.localdate() + datetime.timedelta(days=days)


class Command(BaseCommand):
    help = "Load the demo council (committees, meetings, actions) and the demo logins; password 'demo'."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if any committee exists already.")
        parser.add_argument(
            "--scale",
            type=int,
            metavar="N",
            help="Then grow the council to about N more actions: a decade of twenty committees (bulk inserts).",
        )

    def handle(self, *args, if_empty=False, scale=None, **options):
        if Committee.objects.exists():
            message = "The database already holds committees: demo data not loaded again."
            if not if_empty:
                self.stderr.write(message)
            else:
                self.stdout.write(message)
        else:
            with transaction.atomic():
                Demo().build()
            self.stdout.write(self.style.SUCCESS("Demo council loaded."))
        if scale:
            counts = grow(scale, log=lambda line: self.stdout.write(f"  {line}"))
            self.stdout.write(self.style.SUCCESS(f"Grown by {counts['actions']} actions."))
        call_command("rebuild_search_index", verbosity=0)  # bulk-loaded rows send no signals
        self.print_logins()

    def print_logins(self):
        if not User.objects.filter(username="clerk").exists():
            return
        self.stdout.write("\nDemo logins (password for each: demo)")
        for username, _group, who in LOGINS:
            self.stdout.write(f"  {username:<11} {who}")


class Demo:
    def build(self):
        self.people()
        self.committees()
        self.users()
        self.first_meeting()
        self.second_meeting()
        self.third_meeting()
        self.health_committee()
        for load in hooks.demo_loaders:  # e.g. recommendations/demo.py
            load(self)
        self.next_meeting = Meeting.create_with_agenda(
            self.cyp, local(16), local(16, 18, 45), venue="Council Chamber, Town Hall"
        )
        self.highlight.due_meeting = self.next_meeting
        self.highlight.save()
        self.trends.due_meeting = self.next_meeting
        self.trends.save()

    # --- people and committees ------------------------------------------------------------------

    def people(self):
        councillor, officer, cooptee = Person.Kind.COUNCILLOR, Person.Kind.OFFICER, Person.Kind.COOPTEE
        rows = [
            ("S Wright", councillor, "", ""),
            ("L McBriar", councillor, "", ""),
            ("C Boles", councillor, "", ""),
            ("S Butler", councillor, "", ""),
            ("P Cropper", councillor, "", ""),
            ("J Lancaster", councillor, "", ""),
            ("T Pilkington", councillor, "", ""),
            ("D Quinn", councillor, "", ""),
            ("T Tariq", councillor, "Cabinet Member for Children and Young People", ""),
            ("M Whitby", councillor, "", ""),
            ("L Smith", councillor, "Cabinet Member for Children and Young People", ""),
            ("Helen Chadwick", cooptee, "Trade Union Representative", ""),
            ("Georgia Murphy", cooptee, "Youth Cabinet Chair", ""),
            ("Jeanette Richards", officer, "Executive Director of Children and Young People", ""),
            ("Jacqui Dennis", officer, "Director of Law and Democratic Services", ""),
            ("Kelly Barnett", officer, "Democratic Services Officer", ""),
            ("Irfan Alam", officer, "Improvement Programme Manager", ""),
            ("Lesley Jones", officer, "Director of Public Health", ""),
            ("Sam Okafor", officer, "Detective Superintendent", "Greater Manchester Police"),
        ]
        self.p = {}
        for name, kind, title, organisation in rows:
            email = f"{name.lower().replace(' ', '.')}@demo-council.gov.uk" if kind == officer else ""
            self.p[name] = Person.objects.create(
                name=name, kind=kind, job_title=title, organisation=organisation, email=email, phone="0161 253 5000"
            )

    def committees(self):
        self.cyp = Committee.objects.create(
            name=CYP_NAME,
            short_name="CYP",
            remit="Scrutinises children's social care, education and the Children's Services Improvement Plan.",
            default_venue="Council Chamber, Town Hall",
        )
        roles = {"S Wright": Membership.Role.CHAIR, "L McBriar": Membership.Role.VICE_CHAIR}
        start = day(-400)
        for name in ["S Wright", "L McBriar", "C Boles", "S Butler", "P Cropper", "J Lancaster", "T Pilkington"]:
            role = roles.get(name, Membership.Role.MEMBER)
            Membership.objects.create(person=self.p[name], committee=self.cyp, role=role, start_date=start)
        for name in ["D Quinn", "M Whitby"]:
            Membership.objects.create(person=self.p[name], committee=self.cyp, start_date=start)
        for name in ["Helen Chadwick", "Georgia Murphy"]:
            Membership.objects.create(
                person=self.p[name],
                committee=self.cyp,
                role=Membership.Role.COOPTED,
                title=self.p[name].job_title,
                start_date=start,
            )
        self.hsc = Committee.objects.create(
            name="Health Scrutiny Committee",
            short_name="HSC",
            remit="Scrutinises health services and public health across the borough.",
            default_venue="Committee Room A, Town Hall",
        )
        Membership.objects.create(person=self.p["D Quinn"], committee=self.hsc, role=Membership.Role.CHAIR)
        Membership.objects.create(person=self.p["C Boles"], committee=self.hsc)
        Membership.objects.create(person=self.p["M Whitby"], committee=self.hsc)

    def users(self):
        clerks = Group.objects.get(name="Clerk")
        # One hash for all four: each is deliberately slow to compute, and they share a password.
        password = make_password(PASSWORD)
        for (username, group, _who), person in zip(
            LOGINS,
            [self.p["Kelly Barnett"], self.p["C Boles"], self.p["S Wright"], self.p["Jeanette Richards"]],
            strict=True,
        ):
            user = User(username=username, password=password, first_name=person.name.split()[0])
            user.last_name = person.name.split()[-1]
            user.is_staff = group == "Clerk"
            user.save()
            user.groups.add(clerks if group == "Clerk" else Group.objects.get(name=group))
            person.user = user
            person.save()

    # --- meetings ---------------------------------------------------------------------------------

    def meeting(self, committee, days, status, present, chair="S Wright", apologies=(), officers=(), **fields):
        meeting = Meeting.objects.create(
            committee=committee,
            starts_at=local(days),
            ends_at=local(days, 18, 45),
            venue=committee.default_venue,
            status=status,
            public_attendance="No members of the public were present at the meeting.",
            **fields,
        )
        for name in present:
            Attendance.objects.create(meeting=meeting, person=self.p[name], in_chair=name == chair)
        for name in apologies:
            Attendance.objects.create(meeting=meeting, person=self.p[name], status=Attendance.Status.APOLOGIES)
        for name in officers:
            Attendance.objects.create(
                meeting=meeting,
                person=self.p[name],
                status=Attendance.Status.IN_ATTENDANCE,
                capacity=self.p[name].job_title,
            )
        return meeting

    def items(self, meeting, rows):
        created = {}
        for order, (number, title, kind, extra) in enumerate(rows, start=1):
            created[number] = AgendaItem.objects.create(
                meeting=meeting, number=number, order=order, title=title, kind=kind, **extra
            )
        return created

    def resolve(self, item, *texts):
        return [Resolution.objects.create(item=item, order=n, text=text) for n, text in enumerate(texts, start=1)]

    def action(self, resolution, owner=None, rag=Action.Rag.GREEN, text=None, **fields):
        return Action.record(
            committee=resolution.item.meeting.committee,
            text=text or resolution.text.rstrip("."),
            source_item=resolution.item,
            source_resolution=resolution,
            owner=self.p[owner] if owner else None,
            rag=rag,
            created_at=resolution.item.meeting.starts_at,
            **fields,
        )

    def first_meeting(self):
        members = ["S Wright", "C Boles", "S Butler", "P Cropper", "J Lancaster", "L McBriar", "T Pilkington"]
        members += ["D Quinn", "T Tariq", "M Whitby", "Helen Chadwick"]
        self.m1 = m1 = self.meeting(
            self.cyp,
            -240,
            Meeting.Status.PUBLISHED,
            members,
            apologies=["Georgia Murphy"],
            officers=["Jacqui Dennis", "Jeanette Richards", "Kelly Barnett"],
        )
        procedural = AgendaItem.Kind.PROCEDURAL
        items = self.items(
            m1,
            [
                ("1", "Apologies for absence", procedural, {"minutes_text": "Apologies for absence are noted above."}),
                ("2", "Declarations of interest", procedural, {}),
                ("3", "Public questions", procedural, {"minutes_text": "There were no public questions."}),
                ("4", "Member questions", procedural, {"minutes_text": "There were no member questions."}),
                (
                    "5",
                    "Draft Bury Children Services Improvement Plan",
                    AgendaItem.Kind.REPORT,
                    {
                        "description": "Report attached",
                        "lead_officer": self.p["Jeanette Richards"],
                        "contact_officer": self.p["Kelly Barnett"],
                        "minutes_text": (
                            "Members raised issues around the acronyms used within the plan and questioned the "
                            "targeted audience. Jeanette Richards agreed to provide an appendix with the plan "
                            "explaining the abbreviations and acronyms used.\n\nCouncillor Tariq presented the "
                            "improvement plan, covering recruitment and retention of social workers, reliance on "
                            "agency workers, leadership and management, and multi-agency engagement."
                        ),
                    },
                ),
                ("6", "Urgent business", procedural, {"minutes_text": "There was no urgent business."}),
            ],
        )
        for name, text in [
            ("J Lancaster", "Personal interest as she is a member of Bury2gether."),
            ("S Wright", "Personal interest as his wife works with SEN children in a local school."),
            ("C Boles", "Personal interest as he works at a school, which also has a site in Bury."),
        ]:
            Declaration.objects.create(meeting=m1, person=self.p[name], item=items["5"], text=text)
        r = self.resolve(
            items["5"],
            "An appendix explaining the abbreviations and acronyms used within the Improvement Plan to be created.",
            "The Ofsted improvement work to be a standing item on the agenda for the Committee going forward.",
            "Neurodiversity to be included within the Improvement Plan.",
            "A report around the housing issues for care leavers to be brought to a future committee.",
            "To look at amending the RAG rating to reflect each action in the Improvement Plan.",
            "Jeanette Richards to provide the cost of the recruitment campaign video.",
            "Once approved, the Improvement Plan to be sent to all councillors.",
            "A 'walk through social services' to be a standing item on the agenda.",
        )
        for resolution, title in [(r[1], "The Ofsted improvement work"), (r[7], "A walk through social services")]:
            StandingItem.objects.create(
                committee=self.cyp, title=title, source_resolution=resolution, active_from=m1.date
            )
        self.appendix = self.action(r[0], "Jeanette Richards")
        self.neuro = self.action(r[2], "Jeanette Richards")
        self.housing_work = WorkProgrammeItem.objects.create(
            committee=self.cyp, title="Housing issues for care leavers", timing=WorkProgrammeItem.Timing.TBC
        )
        self.housing = self.action(
            r[3], "Jeanette Richards", due_note="a future committee", work_programme_item=self.housing_work
        )
        self.rag_rating = self.action(r[4], "Jeanette Richards", rag=Action.Rag.AMBER)
        self.video = self.action(r[5], "Jeanette Richards", due_date=day(-220))
        self.circulate = self.action(r[6], "Kelly Barnett", due_date=day(-200))
        clerk = User.objects.get(username="clerk")
        officer = User.objects.get(username="officer")
        self.video.add_update(
            "The campaign video cost £4,850 including filming and editing; figure emailed to members.",
            by=officer,
            as_owner=True,
            at=local(-226, 10),
        )
        self.circulate.mark_completed(by=clerk, note="Plan emailed to all 51 councillors.", at=local(-205, 9))

    def second_meeting(self):
        members = ["S Wright", "C Boles", "S Butler", "J Lancaster", "L McBriar", "T Pilkington", "M Whitby"]
        self.m2 = m2 = self.meeting(
            self.cyp,
            -150,
            Meeting.Status.PUBLISHED,
            members + ["Georgia Murphy"],
            apologies=["P Cropper", "D Quinn"],
            officers=["Jeanette Richards", "Kelly Barnett", "Irfan Alam"],
        )
        self.m1.approved_at_meeting = m2
        # "The next meeting" the first meeting's actions were due at is this one.
        Action.objects.filter(pk__in=[self.appendix.pk, self.neuro.pk, self.rag_rating.pk]).update(
            due_meeting=m2, due_on=m2.date
        )
        self.m1.save()
        procedural = AgendaItem.Kind.PROCEDURAL
        items = self.items(
            m2,
            [
                ("1", "Apologies for absence", procedural, {}),
                ("2", "Declarations of interest", procedural, {"minutes_text": "There were no declarations."}),
                ("3", "Minutes of the last meeting", procedural, {}),
                ("4", "The Ofsted improvement work", AgendaItem.Kind.STANDING_ITEM, {}),
                (
                    "5",
                    "Children's Services Improvement Programme",
                    AgendaItem.Kind.REPORT,
                    {
                        "description": "Report attached",
                        "lead_officer": self.p["Jeanette Richards"],
                        "contact_officer": self.p["Irfan Alam"],
                        "recommendation": "That this Committee notes the contents of this report and the progress "
                        "being made.",
                        "minutes_text": (
                            "The report informed members of the outcome of the Ofsted assurance visit and the Vital "
                            "Signs report. Members were concerned that one in four social care workers came from "
                            "agencies and that improvements had to be accelerated."
                        ),
                    },
                ),
                ("6", "A walk through social services", AgendaItem.Kind.STANDING_ITEM, {}),
                ("7", "Urgent business", procedural, {}),
            ],
        )
        (minutes,) = self.resolve(items["3"], "The minutes of the meeting held on %s be approved as a correct record.")
        minutes.text = minutes.text % f"{self.m1.date:%-d %B %Y}"
        minutes.save()
        self.resolve(items["4"], "The update be noted.")
        r = self.resolve(
            items["5"],
            "That the progress and challenges that need to be addressed be noted and that the Improvement Plan and "
            "Vital Signs be presented to the Committee early in the new Municipal Year.",
        )
        clerk = User.objects.get(username="clerk")
        for action, note in [
            (self.appendix, "Appendix of abbreviations circulated with the plan."),
            (self.neuro, "Neurodiversity now a workstream of the plan (section 4)."),
            (self.video, "Cost reported to members by email."),
            (self.circulate, "Plan circulated to all councillors."),
        ]:
            action.discharge(by=clerk, at_meeting=m2, note=note, at=m2.starts_at)
        self.vital_signs_work = WorkProgrammeItem.objects.create(
            committee=self.cyp,
            title="Improvement Plan and Vital Signs",
            timing=WorkProgrammeItem.Timing.MONTH,
            target_month=day(-25).replace(day=1),
        )
        self.vital_signs = self.action(
            r[0],
            text="The Improvement Plan and Vital Signs to be presented to the Committee early in the new "
            "Municipal Year",
            owner_post="Strategic Director of Children's Services",
            due_date=day(-25),
            due_note="early in the new Municipal Year",
            work_programme_item=self.vital_signs_work,
        )
        self.vital_signs.set_rag(
            Action.Rag.AMBER, by=clerk, reason="Vital Signs data late from the provider.", at=local(-60, 11)
        )
        self.vital_signs.set_rag(
            Action.Rag.RED, by=clerk, reason="Missed the date agreed with the Chair.", at=local(-20, 11)
        )
        self.rag_rating.add_update(
            "Draft RAG column added to the plan; awaiting sign-off by the Improvement Board.",
            by=User.objects.get(username="officer"),
            as_owner=True,
            at=local(-120, 15),
        )

    def third_meeting(self):
        members = ["S Wright", "C Boles", "S Butler", "P Cropper", "J Lancaster", "L McBriar", "D Quinn"]
        self.m3 = m3 = self.meeting(
            self.cyp,
            -60,
            Meeting.Status.MINUTES_DRAFT,
            members + ["Helen Chadwick"],
            apologies=["T Pilkington", "Georgia Murphy"],
            officers=["Jeanette Richards", "L Smith", "Kelly Barnett"],
        )
        self.m2.approved_at_meeting = m3
        self.m2.save()
        Attendance.objects.filter(meeting=m3, person=self.p["L Smith"]).update(
            capacity="Cabinet Member for Children and Young People"
        )
        procedural = AgendaItem.Kind.PROCEDURAL
        items = self.items(
            m3,
            [
                ("1", "Apologies for absence", procedural, {}),
                ("2", "Declarations of interest", procedural, {}),
                ("3", "Minutes of the last meeting", procedural, {}),
                ("4", "The Ofsted improvement work", AgendaItem.Kind.STANDING_ITEM, {}),
                (
                    "5",
                    "Housing issues for care leavers",
                    AgendaItem.Kind.WORK_PROGRAMME,
                    {"description": "Report attached", "lead_officer": self.p["Jeanette Richards"]},
                ),
                (
                    "6",
                    "Improvement Plan update",
                    AgendaItem.Kind.VERBAL_UPDATE,
                    {
                        "description": "Verbal update",
                        "lead_officer": self.p["Jeanette Richards"],
                        "minutes_text": (
                            "Jeanette Richards provided an update on the Improvement Plan. The plan is now RAG rated "
                            "against progress, and a highlight report is being created for the Improvement Board "
                            "which can be brought to the Committee. Councillor Smith advised that a more detailed "
                            "update on trends could be given out of the meeting."
                        ),
                    },
                ),
                (
                    "7",
                    "Residential care placement contract",
                    AgendaItem.Kind.REPORT,
                    {
                        "exempt": True,
                        "exempt_reason": "Paragraph 3 of Schedule 12A (financial or business affairs)",
                        "minutes_text": "Members considered the commercial terms offered by the preferred provider.",
                    },
                ),
                ("8", "A walk through social services", AgendaItem.Kind.STANDING_ITEM, {}),
            ],
        )
        Declaration.objects.create(
            meeting=m3,
            person=self.p["C Boles"],
            item=items["5"],
            text="Personal interest as a trustee of a local care leavers' charity.",
        )
        self.resolve(items["3"], f"The minutes of the meeting held on {self.m2.date:%-d %B %Y} be approved.")
        (housing,) = self.resolve(items["5"], "The report be noted.")
        self.housing_work.taken_at_item = self.housing_work.scheduled_for = items["5"]
        self.housing_work.status = WorkProgrammeItem.Status.TAKEN
        self.housing_work.save()
        clerk = User.objects.get(username="clerk")
        self.housing.discharge(
            by=clerk, at_meeting=m3, note=f"Report brought to the meeting of {m3.date:%-d %B %Y}.", at=m3.starts_at
        )
        r = self.resolve(
            items["6"],
            "The highlight report for the Improvement Plan be brought to the Children and Young People Scrutiny "
            "Committee.",
            "Audit activity of the service to be shared with members of the Committee.",
            "Councillor Smith to provide a more detailed update on performance trends over the two year period.",
        )
        highlight_work = WorkProgrammeItem.objects.create(
            committee=self.cyp, title="Improvement Plan highlight report", timing=WorkProgrammeItem.Timing.NEXT_MEETING
        )
        self.highlight = self.action(
            r[0], "Jeanette Richards", rag=Action.Rag.GREEN, work_programme_item=highlight_work
        )
        self.audit = self.action(r[1], "Jeanette Richards", due_date=day(-14))
        self.trends = self.action(r[2], "L Smith", rag=Action.Rag.GREEN)
        self.audit.add_update(
            "Audit summary being compiled; two of five audits still to be quality-assured.",
            by=User.objects.get(username="officer"),
            as_owner=True,
            rag=Action.Rag.AMBER,
            at=local(-30, 10),
        )
        self.audit.set_rag(
            Action.Rag.RED, by=clerk, reason="Now overdue; chair has asked for a date.", at=local(-10, 9)
        )
        (exempt,) = self.resolve(
            items["7"], "Officers to negotiate a reduced weekly rate before the contract is awarded."
        )
        self.action(exempt, "Jeanette Richards", rag=Action.Rag.AMBER, due_date=day(30))

    def health_committee(self):
        m = self.meeting(
            self.hsc,
            -45,
            Meeting.Status.PUBLISHED,
            ["D Quinn", "C Boles", "M Whitby"],
            chair="D Quinn",
            officers=["Lesley Jones", "Sam Okafor"],
        )
        items = self.items(
            m,
            [
                ("1", "Apologies for absence", AgendaItem.Kind.PROCEDURAL, {}),
                (
                    "2",
                    "Drug and alcohol related harm",
                    AgendaItem.Kind.REPORT,
                    {"lead_officer": self.p["Lesley Jones"], "description": "Report attached"},
                ),
            ],
        )
        r = self.resolve(
            items["2"],
            "The Director of Public Health to circulate the needs assessment to members.",
            "Greater Manchester Police to report on county lines enforcement to the next meeting.",
        )
        late = self.action(r[0], "Lesley Jones", due_date=day(-7))
        late.add_update("Needs assessment with the printers.", by=None, at=local(-10, 12))
        police = self.action(r[1], "Sam Okafor", rag=Action.Rag.AMBER)
        police.add_update("Data request made to the force analyst.", by=None, at=local(-20, 12))
        police.due_meeting = Meeting.create_with_agenda(
            self.hsc, local(30), local(30, 19), venue="Committee Room A, Town Hall"
        )
        police.save()
