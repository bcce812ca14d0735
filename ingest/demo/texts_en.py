"""English rescue reports and liaison officers' notes: Western dates, romanised names, phones with
country codes, chat handles and flights home, with several phrasings for every fact."""

from __future__ import annotations

import datetime as dt
import random

from ingest.demo import names
from ingest.demo.model import Rescue, World
from ingest.demo.render import Doc, flight_text, phone_forms, western_date

__all__ = ["render_rescue_en", "COUNTRY_EN", "PLACE_EN"]

COUNTRY_EN: dict[str, str] = {"KH": "Cambodia", "MM": "Myanmar", "TH": "Thailand", "LA": "Laos", "VN": "Vietnam",
                              "PH": "the Philippines", "MY": "Malaysia", "AE": "the United Arab Emirates"}
PLACE_EN: dict[str, str] = {"西港": "Sihanoukville", "金邊": "Phnom Penh", "巴域": "Bavet", "妙瓦底": "Myawaddy",
                            "曼谷": "Bangkok", "湄索": "Mae Sot", "金三角經濟特區": "the Golden Triangle SEZ",
                            "胡志明市": "Ho Chi Minh City", "馬尼拉": "Manila", "吉隆坡": "Kuala Lumpur", "杜拜": "Dubai"}
_COMPOUNDS = ("KK Park", "Golden Fortune compound", "Jin Bei compound", "Shwe Kokko zone", "Chinatown complex",
              "Huione block", "Lucky Star compound")
_ORGS = ("Mekong Freedom Network", "Safe Passage Asia", "Harbour Light Foundation", "Open Door Outreach")
_MISSION_EN = {"駐泰國代表處": "Taipei Economic and Cultural Office in Thailand",
               "駐緬甸代表處": "Taipei Economic and Cultural Office in Myanmar",
               "駐胡志明市辦事處": "Taipei Economic and Cultural Office in Ho Chi Minh City",
               "駐菲律賓代表處": "Taipei Economic and Cultural Office in the Philippines",
               "駐馬來西亞代表處": "Taipei Economic and Cultural Office in Malaysia",
               "駐杜拜辦事處": "Taipei Liaison Office in Dubai"}


def render_rescue_en(key: str, rescues: list[Rescue], world: World, *,
                     ring_of: dict[str, dict[str, object]]) -> Doc:
    """An NGO case note or a liaison officer's note, in English, about nationals brought home together."""
    r = random.Random(f"{world.seed}:{key}")
    doc = Doc()
    first = rescues[0]
    ds = r.randrange(3)
    liaison = (first.country == "KH" and first.reported >= dt.date(2022, 10, 21)) or \
        (first.country in ("TH", "MM", "LA") and first.reported >= dt.date(2022, 9, 5))
    staff: dict[str, str] = world.structures["officials"]  # type: ignore[assignment]
    if liaison:
        post = "liaison_pnh" if first.country == "KH" else r.choice(("liaison_th_1", "liaison_th_2"))
        officer = world.people[staff[post]]
        shown = doc.name(officer.id, names.romanise(officer.name, 1))
        arrived = dt.date(2022, 10, 21) if post == "liaison_pnh" else dt.date(2022, 9, 5)
        base = "Phnom Penh" if post == "liaison_pnh" else "Bangkok"
        doc.add(f"Liaison note by {shown}, National Immigration Agency liaison officer in {base} "
                f"(on mission since {western_date(arrived, ds)}).\n\n")
    else:
        doc.add(f"{r.choice(_ORGS)} - case note {key.split('-')[1]}, shared with the {_MISSION_EN[first.mission]}.\n\n")
    for res in rescues:
        p = world.people[res.person]
        style = r.randrange(4)
        who = doc.name(p.id, names.romanise(p.name, style))
        place = PLACE_EN[res.place]
        country = COUNTRY_EN[res.country]
        bits = [f"born {p.birth_year}"]
        if p.passport:
            bits.append(f"passport {p.passport}")
        doc.add(r.choice((
            f"{who} ({', '.join(bits)}) was reported missing by family on {western_date(res.reported, ds)}. ",
            f"On {western_date(res.reported, ds)} the family of {who} ({', '.join(bits)}) asked for help. ",
        )))
        ring = ring_of.get(p.id)
        if ring:
            handles: list[str] = ring["shared_handles"]  # type: ignore[assignment]
            phones: list[str] = ring["shared_phones"]  # type: ignore[assignment]
            platform, handle = handles[0].split(":", 1)
            handle_text = f"@{handle}" if platform == "Telegram" and r.random() < 0.5 else handle
            doc.add(r.choice((
                f"{'He' if p.sex == 'M' else 'She'} answered a job offer for customer service work and was recruited over {platform} ({handle_text}); "
                f"the recruiter also called from {phone_forms(phones[0])[1]}. ",
                f"The recruiter used the {platform} account {handle_text} and the number {phone_forms(phones[0])[1]}. ",
            )))
            abroad: list[str] = ring["abroad_phones"]  # type: ignore[assignment]
            doc.add(f"A compound manager demanded a ransom from the family, calling from {phone_forms(r.choice(abroad))[0]}. ")
        else:
            doc.add(r.choice(("The victim had answered a job ad promising a high salary. ",
                              "A friend had offered a well-paid job abroad. ",
                              "The victim was recruited through a Facebook job post. ")))
        doc.add(r.choice((
            f"The victim was held in the {r.choice(_COMPOUNDS)} in {place}, {country}, where the passport was confiscated and workers were beaten for missing targets. ",
            f"Held in a scam compound in {place} ({country}), the victim was forced to defraud people online for up to 16 hours a day. ",
        )))
        if p.phones and r.random() < 0.5:
            doc.add(f"Family contact number: {phone_forms(p.phones[0])[1]}. ")
        if len(p.phones) > 1 and not ring:
            doc.add(f"The victim first messaged the mission from a local number, {phone_forms(p.phones[-1])[0]}. ")
        if res.found is not None:
            doc.add(f"Located on {western_date(res.found, ds)}. ")
        if res.rescued is not None:
            doc.add(r.choice((f"Rescued by local police on {western_date(res.rescued, ds)}. ",
                              f"Released to immigration police on {western_date(res.rescued, ds)} and sheltered. ")))
        if res.returned is not None:
            doc.add(r.choice((
                f"Flew home on {flight_text(res.flight, r.randrange(4), lang='en')} ({res.origin}→TPE) on {western_date(res.returned, ds)} and was met at the border.\n\n",
                f"Repatriated on {western_date(res.returned, ds)}, flight {flight_text(res.flight, r.randrange(3), lang='en')}, {res.origin} to Taoyuan.\n\n",
            )))
        else:
            doc.add("Still awaiting rescue; the mission keeps in touch with local police.\n\n")
    doc.add(f"Persons in this note: {len(rescues)}.\n")
    return doc
