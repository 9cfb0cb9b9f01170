"""A small corpus written for these tests: two reports of one clash, a later update, an unrelated protest."""

from __future__ import annotations

CLASH_A = {
    "id": "clash-a", "published": "2019-03-05", "source": "AFP",
    "text": ("Soldiers clash with jihadists near Menaka\n\n"
             "Malian soldiers clashed with jihadist fighters near the town of Menaka on Monday, killing four of them, "
             "the army said in a statement on Tuesday.\n\n"
             "Two soldiers were wounded in the fighting, which lasted several hours, the statement said.\n\n"
             "The army has stepped up patrols in the region since the start of the year."),
}
CLASH_B = {
    "id": "clash-b", "published": "2019-03-05", "source": "Reuters",
    "text": ("Army says it repelled attack in eastern Mali\n\n"
             "Jihadist fighters attacked an army patrol near Menaka on Monday and four of the attackers were killed "
             "in the clash that followed, a military spokesman said.\n\n"
             "Residents said they heard heavy gunfire for most of the afternoon."),
}
CLASH_UPDATE = {
    "id": "clash-c", "published": "2019-03-07", "source": "Xinhua",
    "text": ("Toll rises after Menaka clash\n\n"
             "The number of jihadist fighters killed in Monday's clash with Malian soldiers near Menaka has risen "
             "to six, the army said on Wednesday, after two wounded fighters died.\n\n"
             "Officials said the patrol had been ambushed while escorting a supply convoy."),
}
PROTEST = {
    "id": "protest-a", "published": "2019-04-06", "source": "AFP",
    "text": ("Thousands of protesters marched peacefully through the centre of Bamako on Friday to demand the "
             "resignation of the prime minister after a massacre in the centre of the country.\n\n"
             "The march ended without incident in front of the national assembly, organisers said."),
}
