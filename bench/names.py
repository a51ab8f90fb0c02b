"""Personal names for synthetic cases, from many languages and with their accents as written.

Each culture gives female and male given names, family names and how a full name is put together, so
that the search benchmark types prefixes of names as a clinic's library really holds them ("Nguyễn Thị
Hoa", "José Ñúñez Peña", "Zoë Ørsted", "Małgorzata Wiśniewska", "Şükrü Yılmaz", "Adébáyọ̀ Ọládipọ̀").
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Culture:
    language: str
    weight: int
    female: tuple[str, ...]
    male: tuple[str, ...]
    family: tuple[str, ...]
    #: "given family", "family middle given" (Vietnamese), "family given" (Hungarian), "double" (Spanish)
    order: str = "given family"
    #: female forms of family names (Polish -ski/-ska, Czech -ová), when they differ
    female_family: tuple[str, ...] | None = None
    middle_female: tuple[str, ...] = ()
    middle_male: tuple[str, ...] = ()


def _t(text: str) -> tuple[str, ...]:
    return tuple(text.split())


CULTURES: tuple[Culture, ...] = (
    Culture(
        "English",
        22,
        _t("Sarah Emily Jessica Rachel Hannah Claire Olivia Charlotte Amy Laura Megan Chloe Grace Ruth"),
        _t("Michael David James Daniel Thomas Matthew Andrew Richard Mark Paul Simon Peter Gareth Liam"),
        _t(
            "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker "
            "White Roberts Green Hall Wood Jackson Clarke Nguyen Murphy O'Connor Baker Harris"
        ),
    ),
    Culture(
        "Vietnamese",
        10,
        _t("Hoa Lan Hương Mai Hạnh Trang Thảo Linh Ngân Yến Nhung Phượng Ngọc Dung"),
        _t("Minh Tuấn Dũng Hùng Long Nam Quang Thắng Khoa Huy Phúc Đạt Hải Sơn"),
        _t(
            "Nguyễn Nguyễn Nguyễn Nguyễn Trần Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý"
        ),
        order="family middle given",
        middle_female=_t("Thị Thị Thị Ngọc Thu Thanh Kim Bích"),
        middle_male=_t("Văn Văn Văn Đức Minh Quốc Hữu Công"),
    ),
    Culture(
        "Spanish",
        10,
        _t("María Lucía Inés Begoña Mónica Ángela Beatriz Nuria Maite Sofía Raquel Ainhoa Pilar Rocío"),
        _t("José Jesús Andrés Iñaki Raúl Sergio Álvaro Joaquín Rubén Óscar Tomás Ramón Jorge Íñigo"),
        _t(
            "Ñúñez García Martínez López Sánchez Pérez Gómez Fernández Rodríguez Muñoz Peña Ibáñez "
            "Jiménez Álvarez Ordóñez Castaño Gutiérrez Domínguez Núñez Díaz"
        ),
        order="double",
    ),
    Culture(
        "Nordic",
        8,
        _t("Åsa Sigrid Ingrid Solveig Bodil Maja Freja Astrid Linnéa Kirsten Guðrún Þóra Päivi Aino Zoë"),
        _t("Bjørn Søren Jørgen Åke Mikael Henrik Nils Ólafur Jón Einar Jyrki Matti Anders Göran"),
        _t(
            "Ørsted Sørensen Kjærsgaard Østergaard Sæther Bråten Løvland Åberg Ström Björklund "
            "Lindqvist Hämäläinen Mäkelä Virtanen Jónsdóttir Þórsson Guðmundsdóttir Nyström Ødegård"
        ),
    ),
    Culture(
        "Polish",
        8,
        _t("Małgorzata Agnieszka Katarzyna Żaneta Grażyna Jadwiga Bożena Dorota Ewa Joanna Łucja Jolanta"),
        _t("Łukasz Grzegorz Paweł Wojciech Michał Krzysztof Tomasz Jędrzej Przemysław Zbigniew Maciej"),
        _t(
            "Wójcik Kowalczyk Zieliński Szymański Wiśniewski Dąbrowski Lewandowski Kamiński Woźniak "
            "Kaczmarek Mazur Krawczyk Piątek Gołębiowski Błaszczyk Żak Ślusarczyk Sikorski"
        ),
        female_family=_t(
            "Wójcik Kowalczyk Zielińska Szymańska Wiśniewska Dąbrowska Lewandowska Kamińska Woźniak "
            "Kaczmarek Mazur Krawczyk Piątek Gołębiowska Błaszczyk Żak Ślusarczyk Sikorska"
        ),
    ),
    Culture(
        "Turkish",
        8,
        _t("Ayşe Gülşen Fatma Zeynep Emine Şule Özlem Nazlı Çiğdem Elif Hülya İpek Gönül"),
        _t("Mehmet Mustafa Çağrı İsmail Ömer Hüseyin Oğuz Şükrü Gökhan Barış Murat Ertuğrul İlker"),
        _t(
            "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
            "Aslan Çetin Kara Koç Kurt Özkan Şimşek"
        ),
    ),
    Culture(
        "German",
        5,
        _t("Käthe Jutta Bärbel Sabine Ursula Renate Gisela Lieselotte Anneliese Dörte"),
        _t("Jürgen Günther Jörg Hans-Peter Klaus Uwe Rüdiger Dieter Björn Matthias"),
        _t("Müller Schröder Weiß Groß Schäfer Köhler Krämer Böhm Hoffmann Fuchs Jäger Strauß Meißner"),
    ),
    Culture(
        "French",
        5,
        _t("Zoë Hélène Bérénice Gaëlle Célia Mélanie Anaïs Maëlys Noémie Françoise Solène Agnès"),
        _t("François Gaël Jérôme Loïc Benoît Noël Hervé Stéphane Joël Aurélien Théo Raphaël"),
        _t(
            "Lefèvre Dubois Moreau Girard Bénard Mercier Chevalier Rivière Barthélemy Gauthier "
            "Lemaître Ménard Prévost Lefebvre"
        ),
    ),
    Culture(
        "Portuguese",
        4,
        _t("Conceição Leonor Graça Márcia Luísa Inês Fátima Lúcia"),
        _t("João Sebastião Estêvão Antônio Cássio Vinícius Gonçalo Rúben"),
        _t("Gonçalves Simões Magalhães Gusmão Araújo Brandão Lourenço Falcão Assunção Guimarães"),
        order="double",
    ),
    Culture(
        "Czech",
        3,
        _t("Růžena Jiřina Zdeňka Věra Lenka Markéta Kateřina"),
        _t("Jiří Tomáš Zdeněk Přemysl Lubomír Radek Bořivoj"),
        _t("Dvořák Novák Procházka Černý Kučera Veselý Růžička Svoboda"),
        female_family=_t("Dvořáková Nováková Procházková Černá Kučerová Veselá Růžičková Svobodová"),
    ),
    Culture(
        "Hungarian",
        3,
        _t("Erzsébet Katalin Ildikó Zsófia Andrea Réka Tünde"),
        _t("László István Gábor Zoltán Bence Ödön Győző"),
        _t("Szőke Kovács Tóth Nagy Horváth Szabó Kiss Molnár Németh Fehér Balogh"),
        order="family given",
    ),
    Culture(
        "Romanian",
        3,
        _t("Ioana Tudora Bianca Andreea Ștefania Mădălina Irina"),
        _t("Ștefan Mihăiță Răzvan Ionuț Călin Dănuț Horia"),
        _t("Popescu Țurcanu Rădulescu Stănescu Ștefănescu Dumitrescu Constantinescu Tănase"),
    ),
    Culture(
        "Irish",
        3,
        _t("Siobhán Aoife Niamh Caoimhe Sinéad Róisín Gráinne"),
        _t("Seán Pádraig Ciarán Dónal Eoghan Tadhg Colm"),
        ("Ó Briain", "Ó Súilleabháin", "Mac Cárthaigh", "Ó Néill", "Ó Ceallaigh", "Kelly", "Walsh"),
    ),
    Culture(
        "Yoruba and Igbo",
        3,
        _t("Fọlákẹ́ Ngozi Adébímpé Chiamaka Títílọ́pẹ́ Ifeoma"),
        _t("Adébáyọ̀ Olúwaṣeun Chukwuemeka Ọlámídé Obinna Babátúndé"),
        _t("Adéyẹmí Ọládipọ̀ Okonkwo Eze Balógun Adébáyọ̀ Nwosu Ògúnlẹ́yẹ"),
    ),
    Culture(
        "Arabic",
        3,
        _t("Fatima Layla Nour Amira Yasmin Huda Rania"),
        _t("Ahmed Youssef Omar Karim Khalid Tariq Samir"),
        _t("Al-Sayed El-Amin Haddad Khoury Abdel-Rahman Mansour Nasser Saleh"),
    ),
    Culture(
        "Chinese",
        3,
        _t("Na Fang Jing Xiùlán Ying Xiaoling Mei"),
        _t("Wei Yang Lei Jun Hao Qiang Zhìqiáng"),
        _t("Zhang Li Wang Liu Chen Yang Huang Zhao Wu Zhou Lǚ"),
        order="family given",
    ),
    Culture(
        "Japanese",
        2,
        _t("Yūko Haruka Aiko Kyōko Emi Sachiko"),
        _t("Yūki Shōta Kenji Takeshi Ryō Hiroshi"),
        _t("Satō Itō Katō Ōno Suzuki Takahashi Watanabe Yamamoto Kōno"),
    ),
    Culture(
        "South Asian",
        3,
        _t("Priya Lakshmi Gurpreet Ananya Deepa Sunita Meera"),
        _t("Arjun Rajesh Vikram Harjit Sanjay Rohan Anil"),
        _t("Sharma Patel Venkataraman Nair Singh Iyer Reddy Chatterjee Gupta"),
    ),
)

_WEIGHTS = [c.weight for c in CULTURES]


@dataclass(frozen=True)
class Person:
    display_name: str
    language: str
    female: bool


def person(rng: random.Random) -> Person:
    """A plausible full name from one of the cultures, weighted as a mixed urban clinic might see them."""
    culture = rng.choices(CULTURES, weights=_WEIGHTS)[0]
    female = rng.random() < 0.55
    given = rng.choice(culture.female if female else culture.male)
    index = rng.randrange(len(culture.family))
    family = (culture.female_family if female and culture.female_family else culture.family)[index]
    if culture.order == "family middle given":
        middle = rng.choice(culture.middle_female if female else culture.middle_male)
        name = f"{family} {middle} {given}"
    elif culture.order == "family given":
        name = f"{family} {given}"
    elif culture.order == "double" and rng.random() < 0.6:
        name = f"{given} {family} {rng.choice(culture.family)}"
    else:
        name = f"{given} {family}"
    return Person(name, culture.language, female)
