//! Duplicates on save and on demand.

use super::*;
use crate::domain::{Contact, Meta};

fn ids(matches: &[DuplicateMatch]) -> Vec<(&str, MatchKind)> {
    matches.iter().map(|m| (m.id.as_str(), m.kind)).collect()
}

fn contact(id: &str, email: &str, phone: &str) -> Contact {
    Contact {
        id: id.into(),
        given_name: "Otra".into(),
        family_name: "Persona".into(),
        emails: vec![email.into()],
        phones: vec![phone.into()],
        job_title: String::new(),
        account_id: None,
        address: Default::default(),
        tags: vec![],
        owner: "lucia".into(),
        notes: String::new(),
        meta: Meta::default(),
    }
}

#[test]
fn the_same_phone_typed_two_ways_is_a_duplicate() {
    let existing = [saved(
        "a",
        typed("Pablo", "Sanz", "", "", "+34 612 34 56 78"),
    )];
    let candidate = saved("new", typed("P.", "Sanz", "", "", "612345678"));
    let found = find_duplicates(&candidate, &existing, &[]);
    assert_eq!(ids(&found), [("a", MatchKind::SamePhone)]);
    assert_eq!(found[0].score, 90);
}

#[test]
fn the_same_email_in_other_case_matches_leads_and_contacts() {
    let existing = [saved("a", typed("Ana", "Gil", "", "Ana.Gil@Gil.es", ""))];
    let contacts = [contact("c1", "ana.gil@gil.es", "")];
    let candidate = saved("new", typed("Ana", "Gil", "", "ana.gil@gil.es", ""));
    let found = find_duplicates(&candidate, &existing, &contacts);
    assert_eq!(
        ids(&found),
        [("a", MatchKind::SameEmail), ("c1", MatchKind::SameEmail)]
    );
    assert_eq!(found[1].record, RecordKind::Contact);
}

#[test]
fn accents_titles_and_legal_forms_do_not_hide_a_duplicate() {
    let existing = [saved(
        "a",
        typed(
            "José",
            "Núñez Peña",
            "Aceros del Norte, S.A. de C.V.",
            "jose@acerosnorte.mx",
            "",
        ),
    )];
    let candidate = saved(
        "new",
        typed("Jose", "Nunez", "ACEROS DEL NORTE", "", "+52 81 8123 4567"),
    );
    let found = find_duplicates(&candidate, &existing, &[]);
    assert_eq!(ids(&found), [("a", MatchKind::SimilarNameCompany)]);
}

#[test]
fn a_typo_in_name_or_company_still_matches() {
    let existing = [saved(
        "a",
        typed(
            "Francisco",
            "González",
            "Transportes Ruiz S.L.",
            "",
            "600000001",
        ),
    )];
    let candidate = saved(
        "new",
        typed("Francsico", "Gonzales", "Transportes Ruiz", "", "600000002"),
    );
    let found = find_duplicates(&candidate, &existing, &[]);
    assert_eq!(ids(&found), [("a", MatchKind::SimilarNameCompany)]);
    assert_eq!(found[0].score, 60, "typos lower the score");
}

#[test]
fn near_miss_names_are_different_people() {
    let company = "Ferretería López";
    let existing = [
        saved("juana", typed("Juana", "López", company, "", "600000001")),
        saved("maria", typed("María", "López", company, "", "600000002")),
        saved(
            "alejandra",
            typed("Alejandra", "Martín", company, "", "600000003"),
        ),
        saved("luis", typed("Luis", "Ruiz", company, "", "600000004")),
    ];
    for (given, family) in [
        ("Juan", "López"),
        ("Mario", "López"),
        ("Alejandro", "Martín"),
        ("Luisa", "Ruiz"),
    ] {
        let candidate = saved("new", typed(given, family, company, "", "611111111"));
        let found = find_duplicates(&candidate, &existing, &[]);
        assert!(found.is_empty(), "{given} {family} matched {found:?}");
    }
}

#[test]
fn the_same_name_at_another_company_is_not_a_duplicate() {
    let existing = [saved(
        "a",
        typed("Juan", "García", "Bodegas Rioja", "", "600000001"),
    )];
    let candidate = saved(
        "new",
        typed("Juan", "García", "Talleres Norte", "", "600000002"),
    );
    assert!(find_duplicates(&candidate, &existing, &[]).is_empty());
    // Nor without a company: too many Juan Garcías.
    let nameless = saved("new2", typed("Juan", "García", "", "", "600000003"));
    let alone = [saved("b", typed("Juan", "García", "", "", "600000004"))];
    assert!(find_duplicates(&nameless, &alone, &[]).is_empty());
}

#[test]
fn several_reasons_rank_a_match_higher_and_the_lead_never_matches_itself() {
    let candidate = saved(
        "new",
        typed("Ana", "Gil", "Gil SL", "ana@gil.es", "600000001"),
    );
    let existing = [
        candidate.clone(),
        saved("phone", typed("Ana", "Gil", "Gil SL", "", "600000001")),
        saved("email", typed("", "", "Gil SL", "ana@gil.es", "")),
    ];
    let found = find_duplicates(&candidate, &existing, &[]);
    assert_eq!(
        ids(&found),
        [
            ("email", MatchKind::SameEmail),
            ("phone", MatchKind::SamePhone)
        ]
    );
    assert_eq!(found[1].score, 95);
}

#[test]
fn duplicate_groups_join_chains_and_leave_singletons_out() {
    let leads = [
        saved("1", typed("Ana", "Gil", "", "ana@gil.es", "")),
        saved("2", typed("Ana", "Gil", "", "", "600000001")),
        saved(
            "3",
            typed("A.", "Gil", "", "ana@gil.es", "+34 600 00 00 01"),
        ),
        saved(
            "4",
            typed(
                "Íñigo",
                "Ibáñez",
                "Calefacción Bilbao S.L.",
                "",
                "944123456",
            ),
        ),
        saved(
            "5",
            typed("Inigo", "Ibanez", "Calefaccion Bilbao", "", "944123457"),
        ),
        saved("6", typed("Luis", "Ruiz", "Otra", "", "944999999")),
    ];
    assert_eq!(
        duplicate_groups(&leads),
        [vec!["1", "2", "3"], vec!["4", "5"]]
    );
}

#[test]
fn duplicate_groups_handle_thousands_of_leads() {
    let given = ["Ana", "Luis", "Marta", "Pedro", "Sofía", "Diego", "Carmen"];
    let family = [
        "García", "Ruiz", "Ortega", "Navarro", "Vidal", "Molina", "Castro",
    ];
    let mut leads: Vec<Lead> = (0..3000)
        .map(|i| {
            let company = format!("Empresa {}", i / 3);
            let phone = format!("6{i:08}");
            saved(
                &format!("{i:05}"),
                typed(given[i % 7], family[i % 7], &company, "", &phone),
            )
        })
        .collect();
    leads.push(saved(
        "dup",
        typed("Ana", "Garcia", "EMPRESA 0 S.L.", "", "699999999"),
    ));
    assert_eq!(duplicate_groups(&leads), [vec!["00000", "dup"]]);
}
