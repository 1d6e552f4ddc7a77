"""Actor normalisation from the bundled table and composed state forces."""
from __future__ import annotations

import pytest

from eventsift.actors import ActorTable, is_anaphoric, normalize_actor
from eventsift.errors import ConfigError


@pytest.fixture(scope="module")
def table():
    return ActorTable.load()


@pytest.mark.parametrize("phrase,words,head,subject,name,country,kind", [
    ("Russian warplanes", ("Russian",), "warplanes", True, "Military Forces of Russia", "RU", "state_forces"),
    ("Moscow", ("Moscow",), "Moscow", True, "Military Forces of Russia", "RU", "state_forces"),
    ("Turkish police", ("Turkish",), "police", True, "Police Forces of Turkey", "TR", "state_forces"),
    ("Daesh", (), "Daesh", True, "Islamic State", None, "rebel_group"),
    ("ISIL fighters", (), "fighters", True, "Islamic State", None, "rebel_group"),
    ("the Syrian Arab Army", ("Syrian",), "Army", False, "Military Forces of Syria", "SY", "state_forces"),
    ("regime helicopters", (), "helicopters", True, "Military Forces of Syria", "SY", "state_forces"),
    ("Kurdish YPG militia", ("Kurdish",), "militia", True, "Syrian Democratic Forces", "SY", "rebel_group"),
    ("three civilians", (), "civilians", False, "Civilians", None, "civilians"),
])
def test_actors_normalize(table, phrase, words, head, subject, name, country, kind):
    a = normalize_actor(phrase, table=table, country_words=words, head=head, subject=subject)
    assert (a.name, a.country, a.kind) == (name, country, kind)


def test_actors_country_as_location_is_not_an_actor(table):
    assert normalize_actor("Aleppo", table=table, country_words=("Aleppo",), head="Aleppo", subject=False) is None


def test_actors_anaphora():
    assert is_anaphoric("the terrorists") and is_anaphoric("they")
    assert not is_anaphoric("Hezbollah fighters")


def test_actors_user_table_extends_and_bad_table_is_reported(tmp_path, table):
    extra = tmp_path / "mine.yaml"
    extra.write_text("- name: Katiba Test\n  kind: rebel_group\n  country: ML\n  aliases: [katiba test, kt]\n")
    t = ActorTable.load(extra)
    assert normalize_actor("KT gunmen", table=t, head="gunmen").name == "Katiba Test"
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: X\n  kind: wizards\n")
    with pytest.raises(ConfigError, match="bad.yaml.*wizards"):
        ActorTable.load(bad)
