//! Merging two leads keeps everything both knew.

use super::*;

fn pair() -> (Lead, Lead) {
    let mut a = typed(
        "José",
        "Núñez",
        "Aceros del Norte",
        "jose@acerosnorte.mx",
        "",
    );
    a.job_title = "Director Comercial".into();
    a.interest = "PLACA".into();
    a.tags = "feria".into();
    a.notes = "Pide catálogo".into();
    a.source = "event".into();
    let primary = saved("a", a);
    let mut b = typed(
        "Jose",
        "Nuñez Peña",
        "Aceros del Norte SA de CV",
        "jnunez@gmail.com",
        "+52 81 8123 4567",
    );
    b.job_title = "Gerente de Ventas".into();
    b.interest = "placa, PERFIL".into();
    b.tags = "Feria, vip".into();
    b.notes = "Llamar en abril".into();
    b.address.region = "Nuevo León".into();
    b.company_size = "250".into();
    let valid = validate_lead(&b, "ES").expect("valid");
    let other = new_lead(valid, "b".into(), at(2, 10, 9), "diego");
    let other = reassign(&other, "camila", at(2, 11, 9), "marta", "Zona norte");
    (primary, other)
}

#[test]
fn merging_unites_lists_and_keeps_the_other_values() {
    let (primary, other) = pair();
    let merged = merge_leads(&primary, &other, at(3, 5, 9), "marta");
    assert_eq!(merged.id, "a");
    assert_eq!(merged.emails, ["jose@acerosnorte.mx", "jnunez@gmail.com"]);
    assert_eq!(merged.phones, ["+528181234567"]);
    assert_eq!(merged.interest, ["PLACA", "PERFIL"]);
    assert_eq!(merged.tags, ["feria", "vip"]);
    // Empty fields of the primary are filled from the other.
    assert_eq!(merged.address.region, "Nuevo León");
    assert_eq!(merged.company_size, Some(250));
    // The primary's values stay; the other's different ones are kept beside them.
    assert_eq!(merged.job_title, "Director Comercial");
    let kept: Vec<(MergedField, &str)> = (merged.merged_values.iter())
        .map(|v| (v.field, v.value.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            (MergedField::FamilyName, "Nuñez Peña"),
            (MergedField::Company, "Aceros del Norte SA de CV"),
            (MergedField::JobTitle, "Gerente de Ventas"),
            (MergedField::Owner, "camila"),
        ]
    );
    assert!(merged.merged_values.iter().all(|v| v.from == "b"));
    assert_eq!(merged.notes, "Pide catálogo\n\nLlamar en abril");
    assert_eq!(merged.source, LeadSource::Event);
}

#[test]
fn merging_keeps_both_histories_and_the_earliest_creation() {
    let (primary, other) = pair();
    let merged = merge_leads(&primary, &other, at(3, 5, 9), "marta");
    assert_eq!(merged.merged_from, ["b"]);
    assert_eq!(merged.reassignments.len(), 1);
    assert_eq!(merged.reassignments[0].reason, "Zona norte");
    assert_eq!(merged.meta.created_at, at(2, 10, 9));
    assert_eq!(merged.meta.created_by, "diego");
    assert_eq!(
        (merged.meta.updated_at, merged.meta.updated_by.as_str()),
        (at(3, 5, 9), "marta")
    );
    // A third merge keeps the whole chain.
    let third = saved("c", typed("José", "Núñez", "", "jose@acerosnorte.mx", ""));
    let again = merge_leads(&third, &merged, at(3, 6, 9), "marta");
    assert_eq!(again.merged_from, ["a", "b"]);
}

#[test]
fn merging_keeps_the_furthest_status() {
    let (primary, other) = pair();
    let other = set_status(&other, LeadStatus::Qualified, at(3, 1, 9), "diego").expect("status");
    let merged = merge_leads(&primary, &other, at(3, 5, 9), "marta");
    assert_eq!(merged.status, LeadStatus::Qualified);
}
