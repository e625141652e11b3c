//! Converting a lead into a contact, an account (an existing one when it matches) and a deal.

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::super::account::Account;
use super::super::contact::Contact;
use super::super::sales::{Deal, DealInput, ValidDeal, new_deal};
use super::super::tax_id::normalize_tax_id;
use super::super::types::Meta;
use super::lead::{ConversionLinks, Lead, LeadStatus};
use super::names::company_key;

/// Mail providers whose domain says nothing about the sender's company.
const FREE_MAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.es",
    "outlook.com",
    "outlook.es",
    "live.com",
    "msn.com",
    "yahoo.com",
    "yahoo.es",
    "yahoo.com.mx",
    "icloud.com",
    "me.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "gmx.es",
    "prodigy.net.mx",
    "telefonica.net",
];

/// Why an existing account was taken as the lead's company.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AccountMatch {
    /// The same tax id.
    TaxId,
    /// The same name once accents, punctuation and legal forms are ignored.
    Name,
    /// The lead's website or work email is on the account's web domain.
    Domain,
}

/// The account a converted lead's contact belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountChoice {
    Existing {
        id: String,
        matched_by: AccountMatch,
    },
    New(Box<Account>),
    /// The lead named no company.
    None,
}

/// Ids for the records a conversion creates (see [`new_id`](super::super::new_id)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversionIds {
    pub contact: String,
    /// Used only when a new account is created.
    pub account: String,
    /// Used only when a deal is created.
    pub deal: String,
}

/// The records to save together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    pub contact: Contact,
    pub account: AccountChoice,
    pub deal: Option<Deal>,
    /// The lead, converted and linked to the new records.
    pub lead: Lead,
}

/// Why a lead cannot be converted.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq, Hash)]
pub enum ConvertError {
    #[error("the lead is already converted")]
    AlreadyConverted,
    /// A contact needs a person's name; the lead has only a company.
    #[error("the lead has no person's name")]
    NeedsPersonName,
}

impl ConvertError {
    /// Conversion errors never go away by retrying.
    pub fn is_retryable(&self) -> bool {
        false
    }
}

/// A web or mail domain without "www." ("https://www.Acme.es/x" → "acme.es").
fn domain(url_or_email: &str) -> Option<String> {
    let s = url_or_email.trim().to_lowercase();
    let host = match s.rsplit_once('@') {
        Some((_, d)) => d.to_owned(),
        None => {
            let rest = s.split_once("://").map_or(s.as_str(), |(_, r)| r);
            rest.split(['/', '?', '#', ':'])
                .next()
                .unwrap_or("")
                .to_owned()
        }
    };
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    host.contains('.').then_some(host)
}

/// The lead's company domains: its website's, and its emails' unless a free mail provider's.
fn lead_domains(lead: &Lead) -> Vec<String> {
    let mut out: Vec<String> = domain(&lead.website).into_iter().collect();
    (lead.emails.iter().filter_map(|e| domain(e)))
        .filter(|d| !FREE_MAIL.contains(&d.as_str()))
        .for_each(|d| out.push(d));
    out
}

/// The existing account that is the lead's company: by tax id, else by name (legal forms
/// ignored), else by web domain; among several, the oldest.
pub fn match_account<'a>(
    lead: &Lead,
    accounts: &'a [Account],
) -> Option<(&'a Account, AccountMatch)> {
    let tax = normalize_tax_id(&lead.tax_id);
    let name = company_key(&lead.company);
    let domains = lead_domains(lead);
    let how = |a: &Account| {
        if !tax.is_empty() && normalize_tax_id(&a.tax_id) == tax {
            Some(AccountMatch::TaxId)
        } else if !name.is_empty() && company_key(&a.name) == name {
            Some(AccountMatch::Name)
        } else {
            domain(&a.website)
                .filter(|d| domains.contains(d))
                .map(|_| AccountMatch::Domain)
        }
    };
    (accounts.iter())
        .filter_map(|a| how(a).map(|m| (a, m)))
        .min_by(|(a, m), (b, n)| {
            (m.cmp(n))
                .then(a.meta.created_at.cmp(&b.meta.created_at))
                .then(a.id.cmp(&b.id))
        })
}

/// The deal form pre-filled for a lead's conversion: its company (or name) as title, its
/// owner and campaign, linked to it; the rep adds amount, currency and close date.
pub fn deal_input_for(lead: &Lead) -> DealInput {
    DealInput {
        title: match lead.company.trim() {
            "" => lead.display_name(),
            c => c.to_owned(),
        },
        lead_id: lead.id.clone(),
        owner: lead.owner.clone(),
        campaign: lead.source.campaign().unwrap_or_default().to_owned(),
        ..DealInput::default()
    }
}

/// Converts `lead` by `user` at `now`: a contact with the lead's person data, linked to the
/// matching existing account or to a new one made from the lead's company data, and (when
/// `deal` is given) a deal for both; the lead becomes converted and links to them. Every new
/// record is owned by the lead's owner (or `user` when it has none).
pub fn convert_lead(
    lead: &Lead,
    existing_accounts: &[Account],
    deal: Option<ValidDeal>,
    ids: ConversionIds,
    now: DateTime<Utc>,
    user: &str,
) -> Result<Conversion, ConvertError> {
    if lead.status == LeadStatus::Converted || lead.converted.is_some() {
        return Err(ConvertError::AlreadyConverted);
    }
    if lead.given_name.trim().is_empty() && lead.family_name.trim().is_empty() {
        return Err(ConvertError::NeedsPersonName);
    }
    let owner = match lead.owner.trim() {
        "" => user.to_owned(),
        o => o.to_owned(),
    };
    let account = account_choice(lead, existing_accounts, ids.account, &owner, now, user);
    let account_id = match &account {
        AccountChoice::Existing { id, .. } => Some(id.clone()),
        AccountChoice::New(a) => Some(a.id.clone()),
        AccountChoice::None => None,
    };
    let contact = contact(lead, ids.contact, account_id.clone(), &owner, now, user);
    let deal = deal.map(|d| {
        let valid = ValidDeal {
            account_id: account_id.clone(),
            contact_id: Some(contact.id.clone()),
            lead_id: Some(lead.id.clone()),
            owner: d.owner.clone().or(Some(owner.clone())),
            ..d
        };
        new_deal(valid, ids.deal, now, user)
    });
    let mut converted = lead.clone();
    converted.status = LeadStatus::Converted;
    converted.converted = Some(ConversionLinks {
        contact_id: contact.id.clone(),
        account_id,
        deal_id: deal.as_ref().map(|d| d.id.clone()),
        at: now,
        by: user.to_owned(),
    });
    converted.meta = lead.meta.touched(now, user);
    Ok(Conversion {
        contact,
        account,
        deal,
        lead: converted,
    })
}

/// The matching existing account, else a new one when the lead names a company.
fn account_choice(
    lead: &Lead,
    accounts: &[Account],
    new_id: String,
    owner: &str,
    now: DateTime<Utc>,
    user: &str,
) -> AccountChoice {
    match (lead.company.trim(), match_account(lead, accounts)) {
        (_, Some((a, how))) => AccountChoice::Existing {
            id: a.id.clone(),
            matched_by: how,
        },
        ("", None) => AccountChoice::None,
        (_, None) => AccountChoice::New(Box::new(new_account(lead, new_id, owner, now, user))),
    }
}

fn new_account(lead: &Lead, id: String, owner: &str, now: DateTime<Utc>, user: &str) -> Account {
    Account {
        id,
        name: lead.company.trim().to_owned(),
        tax_id: lead.tax_id.clone(),
        industry: lead.industry.clone(),
        addresses: Some(lead.address.clone())
            .filter(|a| !a.is_empty())
            .into_iter()
            .collect(),
        phones: Vec::new(),
        website: lead.website.clone(),
        tags: Vec::new(),
        owner: owner.to_owned(),
        notes: String::new(),
        meta: Meta::created(now, user),
    }
}

fn contact(
    lead: &Lead,
    id: String,
    account_id: Option<String>,
    owner: &str,
    now: DateTime<Utc>,
    user: &str,
) -> Contact {
    Contact {
        id,
        given_name: lead.given_name.clone(),
        family_name: lead.family_name.clone(),
        emails: lead.emails.clone(),
        phones: lead.phones.clone(),
        job_title: lead.job_title.clone(),
        account_id,
        address: lead.address.clone(),
        tags: lead.tags.clone(),
        owner: owner.to_owned(),
        notes: lead.notes.clone(),
        meta: Meta::created(now, user),
    }
}
