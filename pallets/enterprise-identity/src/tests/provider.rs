//! The `IdentityProvider` answers the other pallets rely on, and the `EnsureOrigin` types.

use frame_support::{assert_ok, traits::EnsureOrigin};
use tradefin_primitives::identity::{
	FxClass, IdentityProvider, ParticipantKind, ParticipantStatus,
};
use tradefin_primitives::ReasonCode;

use crate::{mock::*, origins::*};

#[test]
fn roles_statuses_and_classes_are_reported() {
	test(|| {
		type P = Identity;
		assert_eq!(
			<P as IdentityProvider<_>>::participant(&BANK),
			Some((ParticipantKind::Bank, ParticipantStatus::Active))
		);
		assert_eq!(<P as IdentityProvider<_>>::participant(&OTHER), None);
		assert_eq!(<P as IdentityProvider<_>>::acting_for(&ACME_CLERK), Some(ACME));
		assert_eq!(<P as IdentityProvider<_>>::acting_for(&BANK), Some(BANK));
		assert_eq!(<P as IdentityProvider<_>>::acting_for(&OTHER), None);
		assert_eq!(<P as IdentityProvider<_>>::fx_class(&ACME), Some(FxClass::A));
		assert_eq!(<P as IdentityProvider<_>>::fx_class(&BANK), None);
		assert!(<P as IdentityProvider<_>>::is_active(&ACME, ParticipantKind::Enterprise));
		assert_ok!(Identity::suspend(RuntimeOrigin::signed(REGULATOR), ACME, ReasonCode(1)));
		assert!(!<P as IdentityProvider<_>>::is_active(&ACME, ParticipantKind::Enterprise));
	});
}

#[test]
fn ensure_origins_accept_exactly_their_active_kind() {
	test(|| {
		let signed = RuntimeOrigin::signed;
		assert_eq!(EnsureRegulator::<Test>::try_origin(signed(REGULATOR)).ok(), Some(REGULATOR));
		assert!(EnsureRegulator::<Test>::try_origin(signed(BANK)).is_err());
		assert_eq!(EnsureActiveBank::<Test>::try_origin(signed(BANK)).ok(), Some(BANK));
		assert_eq!(EnsureCustoms::<Test>::try_origin(signed(CUSTOMS)).ok(), Some(CUSTOMS));
		assert_eq!(EnsureTaxAuthority::<Test>::try_origin(signed(TAX)).ok(), Some(TAX));
		assert_eq!(EnsureQuoteProvider::<Test>::try_origin(signed(QUOTER)).ok(), Some(QUOTER));
		// An operator's origin succeeds with its enterprise.
		assert_eq!(EnsureActiveEnterprise::<Test>::try_origin(signed(ACME_CLERK)).ok(), Some(ACME));
		assert!(EnsureActiveEnterprise::<Test>::try_origin(signed(OTHER)).is_err());
		assert!(EnsureActiveEnterprise::<Test>::try_origin(RuntimeOrigin::root()).is_err());
		// The regulator suspends ACME: its operators' origin no longer passes.
		assert_ok!(Identity::suspend(signed(REGULATOR), ACME, ReasonCode(1)));
		assert!(EnsureActiveEnterprise::<Test>::try_origin(signed(ACME_CLERK)).is_err());
	});
}
