"""Synthetic pain-clinic cases for benchmarks: deterministic for a seed, varied, and shaped like real ones.

``generate_cases(n, seed)`` yields domain :class:`~mdtboard.domain.case.Case` objects: patients named in
many languages (see ``bench.names``), titles, ISBAR texts, pain locations, medications with daily doses
(opioids among them, so MME has work to do), PHQ-9/GAD-7 as items or totals, other typed scores, list
fields, and each discipline's assessment and recommendations. Every case is marked fictional.

Case ``i`` depends only on ``(seed, i)``, so the first 10,000 cases of a 100,000-case set are the 10,000-
case set, and a cache of either can be grown into the other.

From the command line: ``python -m bench.generate N [--seed S] --out bundle.json`` writes a case bundle
(which ``mdtboard import`` reads).
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.names import person
from mdtboard.domain.case import (
    Case,
    DailyDose,
    Discipline,
    DisciplineInput,
    Medication,
    OtherScore,
    PainLocation,
    Patient,
    PegItems,
    Scores,
)

#: Bumped whenever the output for a given (seed, i) changes, so cached databases are rebuilt.
GENERATOR_VERSION = 1
DEFAULT_SEED = 20240917

# (title, one-liner phrase, pain locations as (region, side or None, character))
CONDITIONS: tuple[tuple[str, str, tuple[tuple[str, str | None, str], ...]], ...] = (
    (
        "Chronic low back pain with {side} L5 radiculopathy",
        "{side} L5 radicular pain",
        (
            ("lumbar spine", "midline", "aching"),
            ("posterolateral leg to dorsum of foot (L5)", "{side}", "burning, electric"),
        ),
    ),
    (
        "Fibromyalgia with non-restorative sleep",
        "widespread pain and fatigue",
        (
            ("neck and shoulders", "bilateral", "aching, tender"),
            ("lower back", "midline", "stiff"),
            ("thighs", "bilateral", "aching"),
        ),
    ),
    (
        "Complex regional pain syndrome type 1, {side} hand, after distal radius fracture",
        "CRPS type 1 of the {side} hand",
        (("hand and wrist", "{side}", "burning, allodynia, swelling"),),
    ),
    (
        "Post-herpetic neuralgia, {side} T6 dermatome",
        "post-herpetic neuralgia",
        (("chest wall, T6 dermatome", "{side}", "burning, itching, allodynia"),),
    ),
    (
        "Knee osteoarthritis awaiting arthroplasty",
        "knee osteoarthritis",
        (("knee", "{side}", "aching, worse on stairs"),),
    ),
    (
        "Persistent post-surgical pain after inguinal hernia repair",
        "groin pain after hernia repair",
        (("groin", "{side}", "stabbing, burning"),),
    ),
    (
        "Chronic neck pain with cervicogenic headache",
        "neck pain and headache",
        (("cervical spine", "midline", "aching"), ("occipital and temporal head", "{side}", "pressing")),
    ),
    (
        "Painful diabetic peripheral neuropathy",
        "painful diabetic neuropathy",
        (("feet", "bilateral", "burning, pins and needles"), ("calves", "bilateral", "cramping")),
    ),
    (
        "Failed back surgery syndrome after L4-S1 fusion",
        "persistent pain after lumbar fusion",
        (("lumbar spine", "midline", "deep aching"), ("buttock and thigh", "{side}", "burning")),
    ),
    (
        "Chronic pelvic pain with endometriosis",
        "chronic pelvic pain",
        (("pelvis", "bilateral", "cramping"), ("lower abdomen", "midline", "dragging")),
    ),
    ("Temporomandibular disorder with bruxism", "jaw pain", (("jaw", "{side}", "aching, clicking"),)),
    (
        "Chronic widespread pain after whiplash injury",
        "pain after a road traffic collision",
        (("neck", "midline", "stiff, aching"), ("upper back", "bilateral", "tight")),
    ),
    (
        "Sickle cell disease with chronic pain between crises",
        "sickle cell pain",
        (("lower back", "midline", "deep aching"), ("hips", "bilateral", "throbbing")),
    ),
    (
        "Trigeminal neuralgia, {side} V2",
        "trigeminal neuralgia",
        (("cheek and upper lip (V2)", "{side}", "electric, paroxysmal"),),
    ),
    (
        "Chronic shoulder pain after rotator cuff repair",
        "shoulder pain after cuff repair",
        (("shoulder", "{side}", "aching, night pain"),),
    ),
    (
        "Phantom limb pain after below-knee amputation",
        "phantom limb pain",
        (("phantom foot", "{side}", "crushing, cramping"), ("residual limb", "{side}", "sharp")),
    ),
)
QUALIFIERS = (
    "",
    "",
    "",
    ", on long-term opioids",
    ", off work on a compensation claim",
    ", tapering request",
    ", with depression",
    ", with poor sleep",
    ", recently bereaved",
    ", asking about a procedure",
)
OCCUPATIONS = (
    "warehouse supervisor",
    "nurse",
    "bus driver",
    "teacher",
    "retired electrician",
    "student",
    "cleaner",
    "software developer",
    "chef",
    "farmer",
    "care assistant",
    "accountant",
    "builder",
    "hairdresser",
    "unemployed former miner",
    "postal worker",
    "shop owner",
    "musician",
)
QUESTIONS = (
    "Should we offer an opioid taper, and how fast?",
    "Is a spinal cord stimulator trial reasonable, or first a pain management programme?",
    "Which procedure, if any, is worth offering before surgery review?",
    "How do we support a graded return to work?",
    "Can we simplify the medication list without losing sleep?",
    "Is the psychological input enough, or should we refer to trauma-focused therapy?",
    "Should gabapentinoid and opioid be co-prescribed, given the sedation?",
)
PSYCHOSOCIAL = (
    "Lives with partner and two children.",
    "Lives alone since divorce.",
    "Primary carer for a parent.",
    "Income reduced; worried about debt.",
    "Good support from a sister nearby.",
    "Non-smoker, drinks rarely.",
    "Smokes 10 a day; would like to stop.",
    "History of childhood trauma.",
    "Fears re-injury and avoids bending.",
    "Enjoys gardening but has stopped.",
    "Sleeps 4-5 hours a night.",
    "Attends church and finds it helpful.",
    "Recently moved here; few friends yet.",
)
PRIOR = (
    "Physical therapy x6 sessions - no lasting change",
    "Acupuncture x8 - transient relief",
    "Epidural steroid injection - 50% relief for 6 weeks",
    "Amitriptyline 10-25 mg - stopped, drowsy",
    "Duloxetine 60 mg - stopped, nausea",
    "Pain management programme (group) - partial attendance",
    "Cognitive behavioural therapy x8 - helpful for sleep",
    "Radiofrequency ablation of medial branches",
    "TENS - some relief at home",
    "Hydrotherapy x6 - enjoyed, stopped when course ended",
)
IMAGING = (
    "MRI lumbar spine: L4-5 disc protrusion contacting the traversing nerve root; no stenosis.",
    "Radiographs: moderate medial compartment narrowing, osteophytes.",
    "MRI cervical spine: multilevel degenerative change, no cord signal change.",
    "Ultrasound: no recurrent hernia.",
    "Nerve conduction studies: length-dependent sensory neuropathy.",
    "Bone scan (3-phase): increased periarticular uptake in the delayed phase.",
)
COMORBIDITIES = (
    "Hypertension",
    "Type 2 diabetes (HbA1c 7.4%)",
    "Obesity (BMI 33)",
    "Obstructive sleep apnoea",
    "Asthma",
    "Depression",
    "Generalised anxiety disorder",
    "Hypothyroidism",
    "Chronic kidney disease 3a",
    "Irritable bowel syndrome",
    "Migraine",
    "Osteoporosis",
    "Post-traumatic stress disorder",
)
GOALS = (
    "Walk 30 minutes continuously",
    "Return to work 4 hours a day within 8 weeks",
    "Sleep at least 6 hours",
    "Lift a 10 kg shopping bag",
    "Play with grandchildren on the floor",
    "Drive to see family (1 hour) without stopping",
    "Garden for 20 minutes",
    "Swim twice a week",
)
RED_FLAGS = (
    "Screened negative: no saddle anaesthesia, bladder or bowel change, fever, weight loss or cancer.",
    "Mild weakness stable for months - monitor; any progression warrants urgent review.",
    "Night pain unrelated to position: bloods and review arranged.",
)
ASSESSMENTS = {
    Discipline.PHYSICIAN: (
        "Mixed neuropathic and nociceptive pain concordant with imaging; no red flags.",
        "Opioid gives little functional benefit at the current dose; sedation reported.",
        "Centralised pain features; peripheral drivers modest.",
    ),
    Discipline.PHYSICAL_THERAPY: (
        "Deconditioned, with fear-avoidance of flexion; walking tolerance 10 minutes.",
        "Good range of movement, guarded; boom-and-bust activity pattern.",
        "Reduced grip strength and allodynia limit hand use.",
    ),
    Discipline.PSYCHOLOGY: (
        "Moderate depressive symptoms with catastrophising; engaged and motivated.",
        "Low self-efficacy; pain drives avoidance of valued activities.",
        "Trauma history relevant to pain; not currently in crisis.",
    ),
    Discipline.PHARMACY: ("Interaction: sedatives combined; renal function allows current doses.",),
    Discipline.NURSING: ("Needs help with dressing on bad days; carer strain noted.",),
    Discipline.OCCUPATIONAL_THERAPY: ("Workplace assessment shows prolonged sitting without breaks.",),
    Discipline.SOCIAL_WORK: ("Benefits claim pending; housing is not adapted.",),
}
RECOMMENDATIONS = {
    Discipline.PHYSICIAN: (
        "Slow opioid taper by 10% a month; offer naloxone; review in 6 weeks.",
        "Trial of duloxetine 30 mg then 60 mg; stop amitriptyline.",
        "Refer for a diagnostic medial branch block.",
    ),
    Discipline.PHYSICAL_THERAPY: (
        "Graded activity programme, 8 sessions; pacing diary.",
        "Graded motor imagery and desensitisation.",
        "Hydrotherapy then land-based strengthening.",
    ),
    Discipline.PSYCHOLOGY: (
        "Acceptance and commitment therapy, 8 sessions.",
        "CBT for insomnia; relaxation practice.",
        "Refer to trauma-focused therapy after stabilisation.",
    ),
    Discipline.PHARMACY: ("Stop the Z-drug first; then taper the benzodiazepine.",),
    Discipline.NURSING: ("Home visit to review aids and carer support.",),
    Discipline.OCCUPATIONAL_THERAPY: ("Graded return to work plan with employer.",),
    Discipline.SOCIAL_WORK: ("Support the benefits claim; housing adaptation referral.",),
}
OTHER_SCORES = (
    ("odi_percent", 10, 70),
    ("rmdq", 2, 22),
    ("tsk17", 25, 60),
    ("pcs", 5, 48),
    ("pseq", 5, 55),
    ("ort", 0, 10),
    ("startback.total", 0, 9),
    ("bpi.interference", 1, 10),
    ("dn4", 2, 9),
)


def _medication(rng: random.Random) -> Medication:
    """One medication; opioids carry their daily amount (mcg/h for patches), as MME needs."""
    kind = rng.randrange(15)
    if kind == 0:
        each = rng.choice((5, 10, 20))
        times = rng.choice((2, 3, 4))
        return Medication(
            "oxycodone", f"{each} mg", "oral", f"{times} times daily", False, DailyDose(each * times, "mg")
        )
    if kind == 1:
        each = rng.choice((50, 100))
        taken = rng.choice((2, 3, 4))
        return Medication(
            "tramadol",
            f"{each} mg",
            "oral",
            f"every 6 hours as needed (about {taken}/day)",
            True,
            DailyDose(each * taken, "mg"),
        )
    if kind == 2:
        each = rng.choice((10, 15, 30, 60))
        return Medication(
            "morphine sulfate modified-release",
            f"{each} mg",
            "oral",
            "twice daily",
            False,
            DailyDose(each * 2, "mg"),
        )
    if kind == 3:
        rate = rng.choice((12, 25, 37, 50))
        return Medication(
            "fentanyl transdermal patch",
            f"{rate} mcg/h",
            "transdermal",
            "changed every 72 hours",
            False,
            DailyDose(rate, "mcg/h"),
        )
    if kind == 4:
        tablets = rng.choice((2, 4, 6, 8))
        return Medication(
            "co-codamol 30/500",
            "2 tablets",
            "oral",
            "up to four times daily",
            True,
            DailyDose(30 * tablets, "mg"),
        )
    if kind == 5:
        rate = rng.choice((5, 10, 20))
        return Medication(
            "buprenorphine transdermal patch",
            f"{rate} mcg/h",
            "transdermal",
            "weekly",
            False,
            DailyDose(rate, "mcg/h"),
        )
    if kind == 6:
        each = rng.choice((50, 100))
        return Medication("tapentadol", f"{each} mg", "oral", "twice daily", False, DailyDose(each * 2, "mg"))
    non_opioids = (
        ("gabapentin", "300 mg", "three times daily"),
        ("pregabalin", "75 mg", "twice daily"),
        ("duloxetine", "60 mg", "once daily"),
        ("amitriptyline", "10 mg", "at night"),
        ("ibuprofen", "400 mg", "three times daily as needed"),
        ("paracetamol", "1 g", "four times daily"),
        ("naproxen", "500 mg", "twice daily"),
        ("diazepam", "5 mg", "at night as needed"),
        ("zopiclone", "7.5 mg", "at night"),
        ("lisinopril", "10 mg", "once daily"),
        ("metformin", "500 mg", "twice daily"),
        ("sertraline", "50 mg", "once daily"),
        ("naloxone nasal spray", "1.8 mg", "as needed for overdose"),
    )
    name, dose, freq = rng.choice(non_opioids)
    return Medication(name, dose, "oral" if "spray" not in name else "nasal", freq, "needed" in freq or None)


def _items(rng: random.Random, count: int, severity: float) -> list[int]:
    return [min(3, max(0, round(rng.gauss(severity, 0.9)))) for _ in range(count)]


def _scores(rng: random.Random) -> Scores:
    severity = rng.uniform(0.3, 2.4)
    nrs = rng.randint(3, 10)
    scores = Scores(nrs=nrs, peg_items=PegItems(nrs, rng.randint(2, 10), rng.randint(2, 10)))
    if rng.random() < 0.6:
        scores.phq9_items = _items(rng, 9, severity)
        if rng.random() < 0.5:
            scores.phq9_item9 = scores.phq9_items[8]
    else:
        scores.phq9_item9 = rng.choice((0, 0, 0, 0, 1, 2))
        scores.phq9_total = rng.randint(scores.phq9_item9, 27)
    if rng.random() < 0.6:
        scores.gad7_items = _items(rng, 7, severity * 0.9)
    else:
        scores.gad7_total = rng.randint(0, 21)
    if rng.random() < 0.7:
        scores.other = [
            OtherScore(name, float(rng.randint(low, high)))
            for name, low, high in rng.sample(OTHER_SCORES, rng.randint(1, 5))
        ]
    return scores


def _inputs(rng: random.Random, when: datetime) -> list[DisciplineInput]:
    disciplines = [
        d
        for d in (Discipline.PHYSICIAN, Discipline.PHYSICAL_THERAPY, Discipline.PSYCHOLOGY)
        if rng.random() < 0.85
    ]
    disciplines += rng.sample(
        (Discipline.PHARMACY, Discipline.NURSING, Discipline.OCCUPATIONAL_THERAPY, Discipline.SOCIAL_WORK),
        rng.choice((0, 0, 1, 2)),
    )
    inputs = []
    for d in disciplines:
        author = person(rng).display_name
        inputs.append(
            DisciplineInput(
                discipline=d,
                author=f"Dr {author}" if d is Discipline.PHYSICIAN else author,
                assessment=" ".join(rng.sample(ASSESSMENTS[d], min(2, len(ASSESSMENTS[d])))),
                recommendations=" ".join(rng.sample(RECOMMENDATIONS[d], min(2, len(RECOMMENDATIONS[d])))),
                created_at=when,
                updated_at=when,
            )
        )
    return inputs


def _maybe_list(rng: random.Random, pool: tuple[str, ...], low: int, high: int) -> list[str] | None:
    if rng.random() < 0.1:
        return None
    return rng.sample(pool, rng.randint(low, high))


def make_case(i: int, seed: int = DEFAULT_SEED) -> Case:
    """Case number ``i`` (0-based) of the set for ``seed``."""
    rng = random.Random(seed * 1_000_003 + i)
    who = person(rng)
    age = rng.randint(19, 88)
    side = rng.choice(("left", "right"))
    title, phrase, locations = rng.choice(CONDITIONS)
    title = title.format(side=side) + rng.choice(QUALIFIERS)
    months = rng.randint(4, 120)
    duration = f"{months} months" if months < 24 else f"{months // 12} years"
    occupation = rng.choice(OCCUPATIONS)
    when = datetime(2024, 1, 8, 9, 0, tzinfo=UTC) + timedelta(days=i % 700, minutes=i % 480)
    medications = [_medication(rng) for _ in range(rng.randint(1, 7))]
    return Case(
        ref=f"PMC-{2016 + i % 9}-{i:06d}",
        fictional=True,
        title=title,
        patient=Patient(
            display_name=who.display_name,
            age=age,
            sex="female" if who.female else "male",
            pronouns=("she/her" if who.female else "he/him") if rng.random() < 0.7 else None,
            preferred_language=who.language,
            interpreter_needed=who.language != "English" and rng.random() < 0.25,
        ),
        one_liner=f"{age}-year-old {occupation} with {duration} of {phrase}{rng.choice(QUALIFIERS)}.",
        question_for_team=rng.choice(QUESTIONS),
        presenting_complaint=f"{phrase.capitalize()} limiting walking, work and sleep.",
        pain_history=(
            f"Onset {duration} ago. Pain {rng.randint(3, 10)}/10 at worst, {rng.randint(1, 6)}/10 at best; "
            f"worse with {rng.choice(('sitting', 'standing', 'cold', 'stress', 'lifting'))}, eased by "
            f"{rng.choice(('rest', 'heat', 'walking', 'lying down', 'medication'))}. "
            + " ".join(rng.sample(PRIOR, 2))
        ),
        psychosocial=" ".join(rng.sample(PSYCHOSOCIAL, rng.randint(2, 4))),
        sharing_restrictions="Do not share the psychology notes with the employer."
        if rng.random() < 0.12
        else None,
        pain_locations=[PainLocation(r, s.format(side=side) if s else None, c) for r, s, c in locations],
        medications=medications,
        prior_treatments=_maybe_list(rng, PRIOR, 1, 4),
        imaging=_maybe_list(rng, IMAGING, 0, 2),
        comorbidities=_maybe_list(rng, COMORBIDITIES, 0, 4),
        function_goals=_maybe_list(rng, GOALS, 1, 3),
        red_flags=[RED_FLAGS[0]] + ([rng.choice(RED_FLAGS[1:])] if rng.random() < 0.2 else []),
        scores=_scores(rng),
        discipline_inputs=_inputs(rng, when),
    )


def generate_cases(n: int, seed: int = DEFAULT_SEED, start: int = 0) -> Iterator[Case]:
    """Cases ``start`` to ``start + n - 1`` of the set for ``seed``."""
    for i in range(start, start + n):
        yield make_case(i, seed)


def bundle(n: int, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """A case bundle (``case-bundle.schema.json``) of ``n`` generated cases."""
    from mdtboard.interchange.bundle import FORMAT, VERSION, case_to_json

    return {
        "format": FORMAT,
        "version": VERSION,
        "title": f"Synthetic benchmark cases (n={n}, seed={seed})",
        "cases": [case_to_json(c) for c in generate_cases(n, seed)],
    }


def bundle_bytes(n: int, seed: int = DEFAULT_SEED) -> bytes:
    return (json.dumps(bundle(n, seed), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of cases")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, required=True, help="bundle file to write")
    args = parser.parse_args(argv)
    from mdtboard.services.files import write_atomic

    write_atomic(args.out, bundle_bytes(args.n, args.seed))
    print(f"wrote {args.n} cases to {args.out}")


if __name__ == "__main__":
    main()
