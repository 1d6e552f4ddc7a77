"""Generated news-like articles for the robustness tests: varied, distinct, reproducible."""
from __future__ import annotations

import random

ACTORS = ["Russian warplanes", "Government forces", "Islamic State fighters", "Unidentified gunmen",
          "Turkish drones", "Rebel groups", "Syrian army helicopters", "Kurdish militias"]
VERBS = ["struck", "shelled", "attacked", "bombed", "raided"]
PLACES = ["Raqqa", "Aleppo", "Idlib", "Deir ez-Zor", "Homs", "Hama", "Mosul", "Kirkuk", "Daraa", "Palmyra"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "overnight", "on Sunday"]
VICTIMS = ["civilians", "soldiers", "fighters", "people", "children", "police officers"]
SOURCES = ["the Syrian Observatory for Human Rights", "local officials", "a monitoring group",
           "state media", "activists", "a hospital director"]
FILLER = [
    "Residents described scenes of panic as families fled toward the outskirts.",
    "Aid agencies warned that hospitals in the area were running short of supplies.",
    "The conflict has displaced millions of people since it began.",
    "Talks between the parties stalled again last month without agreement.",
    "Witnesses said smoke could be seen rising from several buildings.",
    "A spokesman declined to comment on the reports when contacted.",
    "The road between the two towns has been closed for weeks.",
    "Prices of bread and fuel have risen sharply in the province.",
    "Schools in the district remained closed for a third week.",
    "Electricity was cut across much of the city after the attack.",
    "Officials promised an investigation into the incident.",
    "Rescue workers searched the rubble for survivors late into the night.",
]


def article_text(rng: random.Random) -> str:
    """A title line and a body of five to nine sentences, two of them event reports."""
    place = rng.choice(PLACES)
    lines = [f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {place} {rng.choice(DAYS)}, killing "
             f"{rng.randint(2, 90)} {rng.choice(VICTIMS)}, {rng.choice(SOURCES)} said."]
    lines += rng.sample(FILLER, rng.randint(3, 6))
    lines.insert(rng.randint(1, len(lines)), f"Separately, {rng.choice(ACTORS).lower()} {rng.choice(VERBS)} "
                 f"positions near {rng.choice(PLACES)}, wounding {rng.randint(1, 40)} {rng.choice(VICTIMS)}.")
    lines.append(f"The report could not be independently verified (ref {rng.randint(1000, 9999)}).")
    return f"Violence in {place}\n\n" + " ".join(lines) + "\n"
