//! The load generator computes the chain's ids offline, without the runtime's crates: they must
//! be the ids the runtime gives.

use tradefin_loadgen::calls::Declaration;
use tradefin_primitives::trade::{document_id, DocumentKind, DocumentNumber};

#[test]
fn the_load_generators_declaration_id_is_the_runtimes_document_id() {
	for number in ["LG1764748800000R-0-0", "", "310120260000555777", &"9".repeat(63)] {
		let issuer = [0x42u8; 32];
		let declaration = Declaration { issuer, number: number.as_bytes().to_vec(), face: 1 };
		let bounded = DocumentNumber::truncate_from(number.as_bytes().to_vec());
		let expected = document_id(DocumentKind::ExportDeclaration, &issuer.into(), &bounded);
		assert_eq!(declaration.id(), expected.0, "number {number:?}");
	}
}
