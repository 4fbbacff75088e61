//! Governance admits institutions.

use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;
use tradefin_primitives::identity::{ParticipantKind, ParticipantStatus};

use crate::{mock::*, types::iso_3166_alpha_2_count, Error, Event, LegalIds, Participants};

#[test]
fn governance_admits_an_active_institution() {
	test(|| {
		assert_ok!(Identity::admit_institution(
			RuntimeOrigin::root(),
			NEWCO,
			ParticipantKind::Bank,
			HK,
			legal_id(NEWCO),
			(b"New Bank".to_vec()).try_into().expect("within the bound"),
		));
		let p = Participants::<Test>::get(NEWCO).expect("admitted");
		assert_eq!((p.kind, p.status), (ParticipantKind::Bank, ParticipantStatus::Active));
		assert_eq!(p.jurisdiction, HK);
		assert_eq!(p.name.into_inner(), b"New Bank".to_vec());
		assert_eq!(LegalIds::<Test>::get(legal_id(NEWCO)), Some(NEWCO));
		assert_eq!(
			last_event(),
			Event::InstitutionAdmitted {
				who: NEWCO,
				kind: ParticipantKind::Bank,
				jurisdiction: HK
			}
		);
	});
}

#[test]
fn only_governance_admits() {
	test(|| {
		for caller in [REGULATOR, BANK, ACME, NEWCO] {
			assert_noop!(
				Identity::admit_institution(
					RuntimeOrigin::signed(caller),
					OTHER,
					ParticipantKind::Bank,
					CN,
					legal_id(OTHER),
					(vec![]).try_into().expect("within the bound"),
				),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn admission_refusals_are_named() {
	test(|| {
		let admit = |who, kind, jurisdiction, id, name: &[u8]| {
			Identity::admit_institution(
				RuntimeOrigin::root(),
				who,
				kind,
				jurisdiction,
				id,
				(name.to_vec()).try_into().expect("within the bound"),
			)
		};
		use ParticipantKind::*;
		assert_noop!(
			admit(NEWCO, Enterprise, CN, legal_id(NEWCO), b""),
			Error::<Test>::NotAnInstitutionKind
		);
		assert_noop!(admit(BANK, Bank, CN, legal_id(99), b""), Error::<Test>::AlreadyRegistered);
		assert_noop!(
			admit(ACME_CLERK, Bank, CN, legal_id(99), b""),
			Error::<Test>::AccountIsOperator
		);
		assert_noop!(admit(NEWCO, Bank, CN, legal_id(BANK), b""), Error::<Test>::LegalIdTaken);
		for bad in [*b"XX", *b"cn", *b"C1", [0, 0], *b"UK"] {
			assert_noop!(
				admit(NEWCO, Bank, bad, legal_id(NEWCO), b""),
				Error::<Test>::InvalidJurisdiction
			);
		}
		// L-10: a name longer than `MaxNameLen` (16) does not even decode as a call.
		let within = crate::Call::<Test>::admit_institution {
			who: NEWCO,
			kind: Bank,
			jurisdiction: CN,
			legal_id: legal_id(NEWCO),
			name: vec![b'x'; 16].try_into().expect("16 bytes"),
		};
		let encoded = codec::Encode::encode(&within);
		let mut longer = encoded[..encoded.len() - 17].to_vec();
		codec::Encode::encode_to(&vec![b'x'; 17], &mut longer);
		assert!(<crate::Call<Test> as codec::Decode>::decode(&mut &encoded[..]).is_ok());
		assert!(<crate::Call<Test> as codec::Decode>::decode(&mut &longer[..]).is_err());
	});
}

#[test]
fn the_jurisdiction_table_holds_every_assigned_code() {
	assert_eq!(iso_3166_alpha_2_count(), 249);
	for code in [*b"AD", *b"CN", *b"GB", *b"HK", *b"US", *b"ZW"] {
		assert!(crate::types::is_iso_3166_alpha_2(&code));
	}
}
