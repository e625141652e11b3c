use chrono::{TimeZone, Utc};

use crate::domain::*;

fn contact_input() -> ContactInput {
    ContactInput {
        given_name: "  José ".into(),
        family_name: "Muñoz Peña".into(),
        emails: vec!["Jose.Munoz@Ejemplo.ES".into(), "".into()],
        phones: vec!["612 34 56 78".into(), "0034 612-34-56-78".into()],
        job_title: "Jefe de Compras".into(),
        account_id: " ".into(),
        address: AddressInput {
            city: "Sevilla".into(),
            country: "es".into(),
            ..Default::default()
        },
        tags: "cliente, VIP, , vip,zona sur".into(),
        owner: "".into(),
        notes: "Prefiere llamadas por la mañana.".into(),
    }
}

#[test]
fn a_valid_contact_form_is_normalised() {
    let v = validate_contact(&contact_input(), DEFAULT_COUNTRY).expect("valid");
    assert_eq!(v.given_name, "José");
    assert_eq!(v.emails, ["jose.munoz@ejemplo.es"]);
    // Both boxes held the same number: kept once.
    assert_eq!(v.phones, ["+34612345678"]);
    assert_eq!(v.account_id, None);
    assert_eq!(v.address.country, "ES");
    assert_eq!(v.tags, ["cliente", "VIP", "zona sur"]);
    assert_eq!(v.owner, None);
    assert!(v.warnings.is_empty());
}

#[test]
fn a_contact_needs_a_given_or_family_name() {
    let mut input = contact_input();
    input.given_name = " ".into();
    input.family_name = String::new();
    let errors = validate_contact(&input, "ES").expect_err("no name");
    assert_eq!(
        errors,
        [FieldError::new(Field::ContactName, ErrorCode::Required)]
    );
    input.family_name = "Núñez".into();
    assert!(validate_contact(&input, "ES").is_ok());
}

#[test]
fn every_bad_field_is_reported_with_its_index_sorted_by_field() {
    let mut input = contact_input();
    input.emails = vec![
        "".into(),
        "jose@".into(),
        "ok@ejemplo.com".into(),
        "a b@c.com".into(),
    ];
    input.phones = vec!["hola".into(), "612".into()];
    input.address.country = "España".into();
    input.given_name = "x".repeat(201);
    let errors = validate_contact(&input, "ES").expect_err("invalid");
    assert_eq!(
        errors,
        [
            FieldError::new(Field::GivenName, ErrorCode::TooLong),
            FieldError::new(Field::Email(1), ErrorCode::InvalidEmail),
            FieldError::new(Field::Email(3), ErrorCode::InvalidEmail),
            FieldError::new(Field::Phone(0), ErrorCode::InvalidPhone),
            FieldError::new(Field::Phone(1), ErrorCode::PhoneTooShort),
            FieldError::new(
                Field::Address(0, AddressPart::Country),
                ErrorCode::InvalidCountry
            ),
        ]
    );
}

#[test]
fn national_phones_read_as_the_address_country_else_the_default() {
    let mut input = contact_input();
    input.phones = vec!["(55) 1234 5678".into()];
    input.address.country = "MX".into();
    assert_eq!(
        validate_contact(&input, "ES").expect("mx").phones,
        ["+525512345678"]
    );
    input.address.country = String::new();
    assert_eq!(
        validate_contact(&input, "MX").expect("default mx").phones,
        ["+525512345678"]
    );
    let errors = validate_contact(&input, "ES").expect_err("10 digits in Spain");
    assert_eq!(
        errors,
        [FieldError::new(Field::Phone(0), ErrorCode::PhoneTooLong)]
    );
}

#[test]
fn emails_are_checked_for_syntax() {
    for ok in [
        "ana@ejemplo.com",
        " Ana.López+crm@Peña.es ",
        "a_b-c@sub.dominio.com.mx",
        "x@y.co",
    ] {
        assert!(normalize_email(ok).is_some(), "{ok}");
    }
    assert_eq!(
        normalize_email(" Ana@Ejemplo.COM ").as_deref(),
        Some("ana@ejemplo.com")
    );
    for bad in [
        "",
        "ana",
        "ana@",
        "@ejemplo.com",
        "ana@ejemplo",
        "ana@@ejemplo.com",
        "ana@ejemplo.c0m",
        ".ana@e.com",
        "an..a@e.com",
        "ana@-e.com",
        "ana @e.com",
        "ana@e..com",
    ] {
        assert_eq!(normalize_email(bad), None, "{bad}");
    }
}

#[test]
fn websites_get_a_scheme_and_garbage_is_refused() {
    assert_eq!(
        normalize_website("example.com").as_deref(),
        Some("https://example.com")
    );
    assert_eq!(
        normalize_website(" WWW.Peña.es/Contacto ").as_deref(),
        Some("https://www.peña.es/Contacto")
    );
    assert_eq!(
        normalize_website("HTTP://Example.com:8080/a?b=1").as_deref(),
        Some("http://example.com:8080/a?b=1")
    );
    assert_eq!(
        normalize_website("https://tienda.ejemplo.com.mx").as_deref(),
        Some("https://tienda.ejemplo.com.mx")
    );
    for bad in [
        "",
        "ejemplo",
        "mi web.com",
        "ftp://example.com",
        "javascript:alert(1)",
        "https://",
        "http://user@example.com",
        "https://ejemplo.123",
        "no es una web",
    ] {
        assert_eq!(normalize_website(bad), None, "{bad}");
    }
}

fn account_input() -> AccountInput {
    AccountInput {
        name: " Construcciones Peña S.L. ".into(),
        tax_id: "b-12.345.674".into(),
        industry: "Construcción".into(),
        addresses: vec![
            AddressInput::default(),
            AddressInput {
                street: "Calle Mayor 1".into(),
                city: "Madrid".into(),
                country: "ES".into(),
                ..Default::default()
            },
        ],
        phones: vec!["91 123 45 67".into()],
        website: "construccionespena.es".into(),
        tags: "cliente".into(),
        owner: "marta".into(),
        notes: String::new(),
    }
}

#[test]
fn a_valid_account_form_is_normalised() {
    let v = validate_account(&account_input(), "ES").expect("valid");
    assert_eq!(v.name, "Construcciones Peña S.L.");
    assert_eq!(v.tax_id, "B12345674");
    assert_eq!(v.addresses.len(), 1, "the blank address block is dropped");
    assert_eq!(v.phones, ["+34911234567"]);
    assert_eq!(v.website, "https://construccionespena.es");
    assert_eq!(v.owner.as_deref(), Some("marta"));
    assert!(v.warnings.is_empty());
}

#[test]
fn an_account_needs_a_name_and_a_real_website() {
    let mut input = account_input();
    input.name = "  ".into();
    input.website = "www peña es".into();
    let errors = validate_account(&input, "ES").expect_err("invalid");
    assert_eq!(
        errors,
        [
            FieldError::new(Field::AccountName, ErrorCode::Required),
            FieldError::new(Field::Website, ErrorCode::InvalidWebsite),
        ]
    );
}

#[test]
fn a_wrong_spanish_tax_id_warns_and_other_countries_are_not_checked() {
    let mut input = account_input();
    input.tax_id = "B12345670".into();
    let v = validate_account(&input, "ES").expect("a warning does not block saving");
    assert_eq!(
        v.warnings,
        [FieldError::new(Field::TaxId, ErrorCode::InvalidTaxId)]
    );
    input.addresses = vec![AddressInput {
        city: "Bogotá".into(),
        country: "CO".into(),
        ..Default::default()
    }];
    input.phones = vec!["601 234 5678".into()];
    input.tax_id = "900.123.456-7".into();
    let v = validate_account(&input, "ES").expect("colombian");
    assert!(v.warnings.is_empty());
    assert_eq!(v.tax_id, "9001234567");
    assert_eq!(v.phones, ["+576012345678"]);
}

#[test]
fn new_and_updated_records_carry_who_and_when() {
    let t0 = Utc
        .with_ymd_and_hms(2025, 3, 1, 9, 30, 0)
        .single()
        .expect("date");
    let t1 = Utc
        .with_ymd_and_hms(2025, 4, 2, 10, 0, 0)
        .single()
        .expect("date");
    let v = validate_contact(&contact_input(), "ES").expect("valid");
    let c = new_contact(v.clone(), "id-1".into(), t0, "lucia");
    assert_eq!(
        (
            c.owner.as_str(),
            c.meta.created_by.as_str(),
            c.meta.created_at
        ),
        ("lucia", "lucia", t0)
    );
    let mut edit = ContactInput::from(&c);
    edit.job_title = "Director de Compras".into();
    let u = update_contact(
        &c,
        validate_contact(&edit, "ES").expect("valid"),
        t1,
        "javier",
    );
    assert_eq!(u.id, "id-1");
    assert_eq!(u.owner, "lucia", "an empty owner box keeps the owner");
    assert_eq!(
        (u.meta.created_at, u.meta.created_by.as_str()),
        (t0, "lucia")
    );
    assert_eq!(
        (u.meta.updated_at, u.meta.updated_by.as_str()),
        (t1, "javier")
    );
    assert_eq!(u.job_title, "Director de Compras");

    let a = new_account(
        validate_account(&account_input(), "ES").expect("valid"),
        "a-1".into(),
        t0,
        "lucia",
    );
    assert_eq!(a.owner, "marta", "the form's owner wins over the creator");
    let mut edit = AccountInput::from(&a);
    edit.owner = "diego".into();
    let u = update_account(
        &a,
        validate_account(&edit, "ES").expect("valid"),
        t1,
        "lucia",
    );
    assert_eq!((u.owner.as_str(), u.meta.updated_at), ("diego", t1));
}

#[test]
fn new_ids_are_uuid_v7_and_increase() {
    let (a, b) = (new_id(), new_id());
    let parsed = uuid::Uuid::parse_str(&a).expect("uuid");
    assert_eq!(parsed.get_version_num(), 7);
    assert!(a < b);
}
