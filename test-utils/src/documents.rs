//! The one document builder of the tests: a `DocumentInput` with the fields a test does not
//! care about filled in.

use tradefin_primitives::{
	trade::{DocumentId, DocumentInput, DocumentKind},
	AssetId, Balance, Hash, Moment, DAY_MS,
};

/// The counterparty commitment every built document names.
pub const COUNTERPARTY: Hash = Hash::repeat_byte(0xB7);

/// A document under construction; [`document`] starts one.
#[derive(Clone, Debug)]
pub struct DocumentBuilder(DocumentInput);

/// A document of `kind` numbered `number`, issued by the holder of the legal id `issuer`: by
/// default in currency 1, worth 0, issued at 0, due in 100 days, with [`COUNTERPARTY`].
pub fn document(kind: DocumentKind, number: &str, issuer: Hash) -> DocumentBuilder {
	DocumentBuilder(DocumentInput {
		kind,
		issuer,
		number: number
			.as_bytes()
			.to_vec()
			.try_into()
			.expect("a document number of 64 bytes at most"),
		counterparty: COUNTERPARTY,
		currency: 1,
		face_value: 0,
		issued_at: 0,
		due_at: 100 * DAY_MS,
	})
}

impl DocumentBuilder {
	/// In `currency`.
	pub fn currency(mut self, currency: AssetId) -> Self {
		self.0.currency = currency;
		self
	}

	/// Worth `face_value` (the currency's smallest units).
	pub fn face_value(mut self, face_value: Balance) -> Self {
		self.0.face_value = face_value;
		self
	}

	/// Issued at `at` (milliseconds).
	pub fn issued_at(mut self, at: Moment) -> Self {
		self.0.issued_at = at;
		self
	}

	/// Due at `at` (milliseconds).
	pub fn due_at(mut self, at: Moment) -> Self {
		self.0.due_at = at;
		self
	}

	/// The id the document will be registered under.
	pub fn id(&self) -> DocumentId {
		self.0.id()
	}

	/// The input to register.
	pub fn build(self) -> DocumentInput {
		self.0
	}
}
