//! Converting a lead into contact + account + deal.

use chrono::NaiveDate;

use super::*;
use crate::domain::sales::{DealStatus, ForecastCategory, ValidDeal};
use crate::domain::{Account, Meta, Money};

fn account(id: &str, name: &str, tax_id: &str, website: &str, created_day: u32) -> Account {
    Account {
        id: id.into(),
        name: name.into(),
        tax_id: tax_id.into(),
        industry: String::new(),
        addresses: vec![],
        phones: vec![],
        website: website.into(),
        tags: vec![],
        owner: "lucia".into(),
        notes: String::new(),
        meta: Meta::created(at(1, created_day, 9), "lucia"),
    }
}

fn ids() -> ConversionIds {
    ConversionIds {
        contact: "c-new".into(),
        account: "a-new".into(),
        deal: "d-new".into(),
    }
}

fn lead() -> Lead {
    let mut input = typed(
        "José",
        "Núñez",
        "Aceros del Norte S.A. de C.V.",
        "jose@acerosnorte.mx",
        "",
    );
    input.job_title = "Director Comercial".into();
    input.industry = "Siderurgia".into();
    input.address.city = "Monterrey".into();
    input.address.country = "MX".into();
    input.source = "campaign:expo".into();
    input.owner = "diego".into();
    saved("l1", input)
}

fn deal_form() -> ValidDeal {
    ValidDeal {
        title: "Placa 2026".into(),
        account_id: None,
        contact_id: None,
        lead_id: None,
        owner: None,
        amount: Money::new(1_500_000, "MXN"),
        expected_close: NaiveDate::from_ymd_opt(2026, 6, 30).expect("date"),
        pipeline_id: "default".into(),
        stage_id: "qualify".into(),
        probability: 20,
        category: ForecastCategory::Pipeline,
        campaign: Some("expo".into()),
        lines: vec![],
        notes: String::new(),
    }
}

#[test]
fn a_lead_of_a_new_company_becomes_contact_account_and_deal() {
    let others = [account("a1", "Aceros del Sur", "", "", 2)];
    let c = convert_lead(
        &lead(),
        &others,
        Some(deal_form()),
        ids(),
        at(3, 9, 10),
        "diego",
    )
    .expect("converts");
    let AccountChoice::New(acc) = &c.account else {
        panic!("expected a new account, got {:?}", c.account)
    };
    assert_eq!(acc.name, "Aceros del Norte S.A. de C.V.");
    assert_eq!(acc.industry, "Siderurgia");
    assert_eq!(acc.addresses[0].city, "Monterrey");
    assert_eq!(c.contact.display_name(), "José Núñez");
    assert_eq!(c.contact.job_title, "Director Comercial");
    assert_eq!(c.contact.emails, ["jose@acerosnorte.mx"]);
    assert_eq!(c.contact.account_id.as_deref(), Some("a-new"));
    assert_eq!(c.contact.owner, "diego");
    let deal = c.deal.as_ref().expect("deal");
    assert_eq!(deal.account_id.as_deref(), Some("a-new"));
    assert_eq!(deal.contact_id.as_deref(), Some("c-new"));
    assert_eq!(deal.lead_id.as_deref(), Some("l1"));
    assert_eq!(deal.owner, "diego");
    assert_eq!(deal.status, DealStatus::Open);
    assert_eq!(c.lead.status, LeadStatus::Converted);
    let links = c.lead.converted.as_ref().expect("links");
    assert_eq!(
        (
            links.contact_id.as_str(),
            links.account_id.as_deref(),
            links.deal_id.as_deref()
        ),
        ("c-new", Some("a-new"), Some("d-new"))
    );
}

#[test]
fn an_existing_account_is_reused_by_name_tax_id_or_domain() {
    let by_name = [account("a1", "ACEROS DEL NORTE", "", "", 2)];
    let c = convert_lead(&lead(), &by_name, None, ids(), at(3, 9, 10), "diego").expect("converts");
    assert_eq!(
        c.account,
        AccountChoice::Existing {
            id: "a1".into(),
            matched_by: AccountMatch::Name
        }
    );
    assert_eq!(c.contact.account_id.as_deref(), Some("a1"));
    assert!(c.deal.is_none());

    let by_domain = [account(
        "a2",
        "Grupo AN",
        "",
        "https://www.acerosnorte.mx",
        2,
    )];
    let c =
        convert_lead(&lead(), &by_domain, None, ids(), at(3, 9, 10), "diego").expect("converts");
    assert_eq!(
        c.account,
        AccountChoice::Existing {
            id: "a2".into(),
            matched_by: AccountMatch::Domain
        }
    );

    let mut with_tax = lead();
    with_tax.tax_id = "ANO850101XY1".into();
    let accounts = [
        account("a3", "Aceros del Norte", "", "", 1),
        account("a4", "AN Holding", "ano-850101-xy1", "", 5),
    ];
    let c =
        convert_lead(&with_tax, &accounts, None, ids(), at(3, 9, 10), "diego").expect("converts");
    assert_eq!(
        c.account,
        AccountChoice::Existing {
            id: "a4".into(),
            matched_by: AccountMatch::TaxId
        },
        "a tax id beats a name"
    );
}

#[test]
fn a_free_mail_domain_does_not_pick_an_account() {
    let mut l = lead();
    l.company = "Talleres Pérez".into();
    l.emails = vec!["pepe@gmail.com".into()];
    let google = [account("g", "Google", "", "https://gmail.com", 1)];
    let c = convert_lead(&l, &google, None, ids(), at(3, 9, 10), "diego").expect("converts");
    assert!(matches!(c.account, AccountChoice::New(_)));
}

#[test]
fn converting_twice_or_without_a_person_is_refused() {
    let c = convert_lead(&lead(), &[], None, ids(), at(3, 9, 10), "diego").expect("converts");
    assert_eq!(
        convert_lead(&c.lead, &[], None, ids(), at(3, 9, 11), "diego"),
        Err(ConvertError::AlreadyConverted)
    );
    let company_only = saved("l2", typed("", "", "Acme", "info@acme.es", ""));
    assert_eq!(
        convert_lead(&company_only, &[], None, ids(), at(3, 9, 10), "diego"),
        Err(ConvertError::NeedsPersonName)
    );
}

#[test]
fn the_deal_form_for_a_conversion_is_prefilled_from_the_lead() {
    let form = deal_input_for(&lead());
    assert_eq!(form.title, "Aceros del Norte S.A. de C.V.");
    assert_eq!(form.lead_id, "l1");
    assert_eq!(form.owner, "diego");
    assert_eq!(form.campaign, "expo");
}
