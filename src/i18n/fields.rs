//! Form field labels and validation messages of contacts and accounts. The domain names fields
//! ([`Field`]) and problems ([`ErrorCode`]); this is where they become words.

use std::borrow::Cow;

use cartera_core::domain::{AddressPart, ErrorCode, Field, FieldError};

use super::{Locale, Message};

/// The label of a form field. Repeated fields are numbered from the second one on
/// ("Teléfono", "Teléfono 2"), so the first keeps a short, stable accessible name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldLabel(pub Field);

fn numbered(base: &'static str, index: usize) -> Cow<'static, str> {
    if index == 0 {
        Cow::Borrowed(base)
    } else {
        Cow::Owned(format!("{base} {}", index + 1))
    }
}

fn address_part(part: AddressPart, locale: Locale) -> &'static str {
    use AddressPart::*;
    use Locale::*;
    match (part, locale) {
        (Street, Es) => "Calle y número",
        (Street, En) => "Street address",
        (City, Es) => "Ciudad",
        (City, En) => "City",
        (Region, Es) => "Provincia",
        (Region, En) => "State / province",
        (PostalCode, Es) => "Código postal",
        (PostalCode, En) => "Postal code",
        (Country, Es) => "País",
        (Country, En) => "Country",
    }
}

impl Message for FieldLabel {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use Field::*;
        use Locale::*;
        Cow::Borrowed(match (self.0, locale) {
            (Email(i), Es) => return numbered("Correo electrónico", i),
            (Email(i), En) => return numbered("Email", i),
            (Phone(i), Es) => return numbered("Teléfono", i),
            (Phone(i), En) => return numbered("Phone", i),
            (Address(0, part), _) => address_part(part, locale),
            (Address(i, part), Es) => {
                return Cow::Owned(format!(
                    "{} (dirección {})",
                    address_part(part, locale),
                    i + 1
                ));
            }
            (Address(i, part), En) => {
                return Cow::Owned(format!(
                    "{} (address {})",
                    address_part(part, locale),
                    i + 1
                ));
            }
            (ContactName | GivenName, Es) => "Nombre",
            (ContactName | GivenName, En) => "Given name",
            (FamilyName, Es) => "Apellidos",
            (FamilyName, En) => "Family name",
            (AccountName, Es) => "Nombre de la cuenta",
            (AccountName, En) => "Account name",
            (JobTitle, Es) => "Cargo",
            (JobTitle, En) => "Job title",
            (AccountId, Es) => "Empresa",
            (AccountId, En) => "Account",
            (TaxId, Es) => "NIF / CIF",
            (TaxId, En) => "Tax ID",
            (Industry, Es) => "Sector",
            (Industry, En) => "Industry",
            (Website, Es) => "Sitio web",
            (Website, En) => "Website",
            (Tags, Es) => "Etiquetas",
            (Tags, En) => "Tags",
            (Owner, Es) => "Propietario",
            (Owner, En) => "Owner",
            (Notes, Es) => "Notas",
            (Notes, En) => "Notes",
        })
    }
}

/// A validation problem in words, shown under its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldErrorText(pub FieldError);

impl Message for FieldErrorText {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        use ErrorCode::*;
        use Locale::*;
        let FieldError { field, code } = self.0;
        Cow::Borrowed(match (code, locale) {
            (Required, Es) if field == Field::ContactName => "Escribe un nombre o unos apellidos.",
            (Required, En) if field == Field::ContactName => "Enter a given name or a family name.",
            (Required, Es) => "Este campo es obligatorio.",
            (Required, En) => "This field is required.",
            (TooLong, Es) => "Es demasiado largo.",
            (TooLong, En) => "This is too long.",
            (InvalidEmail, Es) => "Escribe un correo válido, p. ej. ana@empresa.es",
            (InvalidEmail, En) => "Enter a valid email, e.g. ana@company.com",
            (InvalidPhone, Es) => "Escribe un teléfono válido: dígitos, espacios y un + inicial.",
            (InvalidPhone, En) => "Enter a valid phone: digits, spaces and a leading +.",
            (PhoneTooShort, Es) => "A este teléfono le faltan dígitos.",
            (PhoneTooShort, En) => "This phone number is missing digits.",
            (PhoneTooLong, Es) => "Este teléfono tiene demasiados dígitos.",
            (PhoneTooLong, En) => "This phone number has too many digits.",
            (PhoneNeedsCountryCode, Es) => "Añade el prefijo del país, p. ej. +34 o +52.",
            (PhoneNeedsCountryCode, En) => "Add the country code, e.g. +34 or +1.",
            (InvalidWebsite, Es) => "Escribe una dirección web válida, p. ej. empresa.es",
            (InvalidWebsite, En) => "Enter a valid web address, e.g. company.com",
            (InvalidCountry, Es) => "Usa el código de país de dos letras, p. ej. ES o MX.",
            (InvalidCountry, En) => "Use the two-letter country code, e.g. ES or US.",
            (InvalidTaxId, Es) => "El NIF/CIF no parece correcto: revisa el carácter de control.",
            (InvalidTaxId, En) => "This tax ID looks wrong: check its control character.",
        })
    }
}
