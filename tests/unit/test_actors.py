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


# Phrases as the extractor hands them over: the phrase, its country words, its head, subject or not.
@pytest.mark.parametrize("phrase,words,head,name,country,kind", [
    ("the army of Bashar al-Assad's regime forces", (), "forces", "Military Forces of Syria", "SY", "state_forces"),
    ("Assad's troops", (), "troops", "Military Forces of Syria", "SY", "state_forces"),
    ("pro-regime forces", (), "forces", "Military Forces of Syria", "SY", "state_forces"),
    ("coalition warplanes", (), "warplanes", "Global Coalition Against Daesh", "US", "external_other"),
    ("the U.S.-led coalition", ("U.S.-led",), "coalition", "Global Coalition Against Daesh", "US", "external_other"),
    ("Saudi-led coalition jets", ("Saudi-led",), "jets", "Military Forces of Saudi Arabia", "SA", "state_forces"),
    ("Turkish army units", ("Turkish",), "units", "Military Forces of Turkey", "TR", "state_forces"),
    ("Kurdish-led SDF fighters", ("Kurdish-led",), "fighters", "Syrian Democratic Forces", "SY", "rebel_group"),
    ("fighters of the Free Syrian Army", ("Syrian",), "fighters", "Free Syrian Army", "SY", "rebel_group"),
    ("Jaish al-Fatah", (), "Fatah", "Jaish al-Fatah", "SY", "rebel_group"),
    ("Failaq al-Rahman brigades", (), "brigades", "Faylaq al-Rahman", "SY", "rebel_group"),
    ("Jabhat Fateh al-Sham militants", (), "militants", "Hayat Tahrir al-Sham", "SY", "rebel_group"),
    ("the so-called IS group", (), "group", "Islamic State", None, "rebel_group"),
    ("Islamic State group jihadists", (), "jihadists", "Islamic State", None, "rebel_group"),
    ("Lebanese Hezbollah", ("Lebanese",), "Hezbollah", "Hezbollah", "LB", "political_militia"),
    ("Iran's Revolutionary Guards", ("Iran",), "Guards", "Military Forces of Iran", "IR", "state_forces"),
    ("unidentified gunmen", (), "gunmen", "Unidentified Armed Group", None, "political_militia"),
    ("the terrorists", (), "terrorists", "Unidentified Armed Group", None, "political_militia"),
    ("armed bandits", (), "bandits", "Unidentified Armed Group", None, "political_militia"),
    ("two women and a child", (), "women", "Civilians", None, "civilians"),
    # other theatres
    ("Hashd al-Shaabi units", (), "units", "Popular Mobilization Forces", "IQ", "state_forces"),
    ("Peshmerga fighters", (), "fighters", "Military Forces of the Kurdistan Regional Government", "IQ", "state_forces"),
    ("Houthi militiamen", (), "militiamen", "Houthis", "YE", "rebel_group"),
    ("ISWAP insurgents", (), "insurgents", "Islamic State West Africa Province", "NG", "rebel_group"),
    ("JNIM", (), "JNIM", "Jama'at Nusrat al-Islam wal-Muslimin", "ML", "rebel_group"),
    ("al-Shabab gunmen", (), "gunmen", "Al-Shabaab", "SO", "rebel_group"),
    ("Taliban insurgents", (), "insurgents", "Taliban", "AF", "rebel_group"),
    ("pro-Russian separatists", (), "separatists", "Pro-Russian Separatists", "UA", "rebel_group"),
    ("Ukrainian troops", ("Ukrainian",), "troops", "Military Forces of Ukraine", "UA", "state_forces"),
    ("UN peacekeepers", (), "peacekeepers", "United Nations Peacekeepers", None, "external_other"),
])
def test_actors_table_covers_conflict_actors(table, phrase, words, head, name, country, kind):
    a = normalize_actor(phrase, table=table, country_words=words, head=head, subject=True)
    assert a is not None, phrase
    assert (a.name, a.country, a.kind) == (name, country, kind)


@pytest.mark.parametrize("phrase,words,head,name,country", [
    # a country word makes a generic actor specific, the way ACLED names them
    ("Egyptian demonstrators", ("Egyptian",), "demonstrators", "Protesters (Egypt)", "EG"),
    ("Kenyan rioters", ("Kenyan",), "rioters", "Rioters (Kenya)", "KE"),
    ("Afghan villagers", ("Afghan",), "villagers", "Civilians (Afghanistan)", "AF"),
    ("Burundian militiamen", ("Burundian",), "militiamen", "Unidentified Armed Group", "BI"),
    ("Sudanese rebels", ("Sudanese",), "rebels", "Rebels", "SD"),
    # a state actor's default country yields to the one the phrase names
    ("Iraqi government forces", ("Iraqi",), "forces", "Military Forces of Iraq", "IQ"),
    ("Nigerian police officers", ("Nigerian",), "officers", "Police Forces of Nigeria", "NG"),
    # border guards and coast guards are police forces of their state
    ("U.S. border patrol agents", ("U.S.",), "agents", "Police Forces of the United States", "US"),
    ("Greek coast guard", ("Greek",), "guard", "Police Forces of Greece", "GR"),
    ("Vietnamese-led forces", ("Vietnamese-led",), "forces", "Military Forces of Vietnam", "VN"),
])
def test_actors_country_word_specifies(table, phrase, words, head, name, country):
    a = normalize_actor(phrase, table=table, country_words=words, head=head, subject=True)
    assert (a.name, a.country) == (name, country)


def test_actors_backers_and_irregulars_are_not_state_forces(table):
    # the backer is not the actor
    a = normalize_actor("Russian-backed Syrian government forces", table=table, country_words=("Russian", "Syrian"),
                        head="forces", subject=True)
    assert a.name == "Military Forces of Syria"
    a = normalize_actor("Russian-backed government forces", table=table, country_words=("Russian",), head="forces",
                        subject=True)
    assert a is None or a.country != "RU"
    # irregulars from a country are not its army
    a = normalize_actor("Irish nationalist guerrillas", table=table, country_words=("Irish",), head="guerrillas",
                        subject=True)
    assert a.kind == "rebel_group" and a.country == "IE"
    assert normalize_actor("Corsican separatists", table=table, country_words=(), head="separatists",
                           subject=True).kind == "rebel_group"


def test_actors_coalitions_that_are_not_military_match_nothing(table):
    assert normalize_actor("the ruling coalition", table=table, head="coalition", subject=True) is None
    assert normalize_actor("an opposition coalition", table=table, head="coalition", subject=True) is None


def test_actors_bundled_table_is_well_formed():
    import yaml
    from importlib import resources

    entries = yaml.safe_load((resources.files("eventsift") / "data" / "actors.yaml").read_text("utf-8"))
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    seen: dict[str, str] = {}
    from eventsift.actors import fold
    for e in entries:
        for alias in e.get("aliases", []):
            key = fold(str(alias))
            assert key, (e["name"], alias)
            assert seen.setdefault(key, e["name"]) == e["name"], f"{alias!r} is listed for {seen[key]} and {e['name']}"
