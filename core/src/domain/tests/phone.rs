use crate::domain::phone::{PhoneError, format_phone, normalize_phone, split_calling_code};

fn es(raw: &str) -> Result<String, PhoneError> {
    normalize_phone(raw, "ES")
}

#[test]
fn spanish_numbers_typed_any_common_way_become_e164() {
    for raw in [
        "612 34 56 78",
        "612345678",
        "+34 612345678",
        "0034 612-34-56-78",
        "+34 (612) 34.56.78",
        "  612\u{a0}34 56 78 ",
    ] {
        assert_eq!(es(raw).as_deref(), Ok("+34612345678"), "{raw}");
    }
    assert_eq!(es("91 123 45 67").as_deref(), Ok("+34911234567"));
    assert_eq!(es("+34 981 12 34 56").as_deref(), Ok("+34981123456"));
}

#[test]
fn national_numbers_follow_the_default_country() {
    assert_eq!(
        normalize_phone("(55) 1234 5678", "MX").as_deref(),
        Ok("+525512345678")
    );
    assert_eq!(
        normalize_phone("01 55 1234 5678", "MX").as_deref(),
        Ok("+525512345678")
    );
    assert_eq!(
        normalize_phone("044 55 1234 5678", "mx").as_deref(),
        Ok("+525512345678")
    );
    assert_eq!(
        normalize_phone("310 123 4567", "CO").as_deref(),
        Ok("+573101234567")
    );
    assert_eq!(
        normalize_phone("601 234 5678", "CO").as_deref(),
        Ok("+576012345678")
    );
    assert_eq!(
        normalize_phone("011 4123-4567", "AR").as_deref(),
        Ok("+541141234567")
    );
    assert_eq!(
        normalize_phone("011 15 1234-5678", "AR").as_deref(),
        Ok("+5491112345678")
    );
    assert_eq!(
        normalize_phone("9 8765 4321", "CL").as_deref(),
        Ok("+56987654321")
    );
    assert_eq!(
        normalize_phone("987 654 321", "PE").as_deref(),
        Ok("+51987654321")
    );
    assert_eq!(
        normalize_phone("(01) 234 5678", "PE").as_deref(),
        Ok("+5112345678")
    );
    assert_eq!(
        normalize_phone("06 12 34 56 78", "FR").as_deref(),
        Ok("+33612345678")
    );
    assert_eq!(
        normalize_phone("(212) 555-0123", "US").as_deref(),
        Ok("+12125550123")
    );
}

#[test]
fn international_numbers_ignore_the_default_country() {
    assert_eq!(es("+52 1 55 1234 5678").as_deref(), Ok("+525512345678"));
    assert_eq!(es("+52 55 1234 5678").as_deref(), Ok("+525512345678"));
    assert_eq!(
        normalize_phone("+34 612 34 56 78", "MX").as_deref(),
        Ok("+34612345678")
    );
    assert_eq!(es("+54 9 11 1234 5678").as_deref(), Ok("+5491112345678"));
    assert_eq!(es("+56 2 2123 4567").as_deref(), Ok("+56221234567"));
    // Calling codes outside the table: E.164's general length rule.
    assert_eq!(es("+7 495 123 45 67").as_deref(), Ok("+74951234567"));
    assert_eq!(es("+81 3 1234 5678").as_deref(), Ok("+81312345678"));
}

#[test]
fn garbage_and_wrong_lengths_are_refused_with_a_reason() {
    assert_eq!(es("hola"), Err(PhoneError::Invalid));
    assert_eq!(es("612 34 56 7x"), Err(PhoneError::Invalid));
    assert_eq!(es("61+2345678"), Err(PhoneError::Invalid));
    assert_eq!(es("+"), Err(PhoneError::Invalid));
    assert_eq!(es(""), Err(PhoneError::Invalid));
    assert_eq!(es("+0 612"), Err(PhoneError::Invalid));
    assert_eq!(es("112"), Err(PhoneError::TooShort));
    assert_eq!(es("612 34 56"), Err(PhoneError::TooShort));
    assert_eq!(es("612 34 56 789"), Err(PhoneError::TooLong));
    assert_eq!(es("+34 612 34 56 789"), Err(PhoneError::TooLong));
    // Spanish numbers start with 5-9.
    assert_eq!(es("123 45 67 89"), Err(PhoneError::Invalid));
    assert_eq!(
        normalize_phone("55 1234 567", "MX"),
        Err(PhoneError::TooShort)
    );
    assert_eq!(
        normalize_phone("412 345 6789", "CO"),
        Err(PhoneError::Invalid)
    );
    assert_eq!(
        normalize_phone("812 345 678", "PE"),
        Err(PhoneError::Invalid)
    );
    assert_eq!(es("+99 12"), Err(PhoneError::TooShort));
    assert_eq!(es("+99 1234 5678 9012 34"), Err(PhoneError::TooLong));
    assert_eq!(es(&"1".repeat(40)), Err(PhoneError::TooLong));
}

#[test]
fn national_numbers_need_a_country_the_table_knows() {
    assert_eq!(
        normalize_phone("612 34 56 78", ""),
        Err(PhoneError::NeedsCountryCode)
    );
    assert_eq!(
        normalize_phone("612 34 56 78", "ZZ"),
        Err(PhoneError::NeedsCountryCode)
    );
    assert_eq!(
        normalize_phone("+34 612 34 56 78", "").as_deref(),
        Ok("+34612345678")
    );
}

#[test]
fn calling_codes_split_and_numbers_group_for_reading() {
    assert_eq!(split_calling_code("34612345678"), Some(("34", "612345678")));
    assert_eq!(split_calling_code("35191234567"), Some(("351", "91234567")));
    assert_eq!(split_calling_code("12125550123"), Some(("1", "2125550123")));
    assert_eq!(split_calling_code("999"), None);
    assert_eq!(format_phone("+34612345678"), "+34 612 34 56 78");
    assert_eq!(format_phone("+525512345678"), "+52 55 1234 5678");
    assert_eq!(format_phone("+5491112345678"), "+54 9 11 1234 5678");
    assert_eq!(format_phone("+74951234567"), "+74951234567");
    assert_eq!(format_phone("no es un teléfono"), "no es un teléfono");
}
