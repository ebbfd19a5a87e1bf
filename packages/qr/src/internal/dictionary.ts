import { encodeUtf8 } from '@civitas/core'

// The preset DEFLATE dictionary of codec version 1: JSON that Civitas tokens are made of (JOSE headers,
// VC 2.0 and VC 1.1 claims, SD-JWT VC, status entries, the templates' claim names), so even the first
// occurrence of a name costs a back-reference. DEFLATE prefers near matches, so the most frequent text
// comes last. Frozen: a QR text names its version, and changing one byte here breaks every version-1
// code in circulation (a test pins its digest). A better dictionary is a new version.
const parts = [
  // SD-JWT VC and key binding
  '{"alg":"ES256","typ":"kb+jwt"}',
  '{"_sd_alg":"sha-256","cnf":{"jwk":{"kty":"EC","crv":"P-256","x":"',
  '"kty":"OKP","crv":"Ed25519","x":"',
  '"sd_hash":"',
  '{"alg":"ES256","typ":"dc+sd-jwt","kid":"',
  '"vct":"https://',
  '"_sd":["',
  '"...":"',
  // status entries and the other templates
  '"credentialStatus":[{"id":"https://',
  '","type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"',
  '","statusListCredential":"https://',
  '"statusPurpose":"suspension"',
  '"MembershipCard"],"credentialSchema":{"id":"urn:civitas:schema:membership-card:1","type":"JsonSchema"}',
  '"community":"","role":"member","memberSince":"',
  '"QuarantinePass"],"credentialSchema":{"id":"urn:civitas:schema:quarantine-pass:1","type":"JsonSchema"}',
  '"destination":"","clearance":"cleared","basis":{"kind":"test","testType":"","result":"negative","date":"',
  '"kind":"vaccination","product":"","doses":2,"lastDose":"',
  '"window":{"start":"","end":"',
  '"healthAuthority":"',
  '"HealthRecordAccessGrant"],"credentialSchema":{"id":"urn:civitas:schema:health-record-access-grant:1",',
  '"type":"JsonSchema"}',
  '"provider":"did:web:","providerName":"","scopes":["imaging","prescriptions","lab-results","allergies",',
  '"immunizations","encounters","summary"],"purpose":"","period":{"start":"',
  '"ResidencyCard"],"credentialSchema":{"id":"urn:civitas:schema:residency-card:1","type":"JsonSchema"}',
  ',"credentialSubject":{"id":"did:key:z6Mk","givenName":"","familyName":"","birthDate":"19',
  '","nationality":"","residencyStatus":"permanent","residentSince":"20',
  '","address":{"streetAddress":"","postalCode":"","locality":"","country":""}',
  ',"issuingCity":"","documentNumber":"',
  // VC 1.1 JWT (jwt_vc_json)
  '{"vp":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiablePresentation"],',
  '"verifiableCredential":["',
  '{"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential",',
  '"sub":"did:key:z6Mk","jti":"urn:uuid:","nbf":17',
  '{"alg":"ES256","typ":"JWT","kid":"did:key:zDn',
  '{"alg":"EdDSA","typ":"JWT","kid":"did:key:z6Mk',
  // VC 2.0 with JOSE
  '{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"holder":"did:key:',
  '"verifiableCredential":[{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"data:application/vc+jwt,',
  '","type":"EnvelopedVerifiableCredential"}],"iss":"did:key:","aud":"https://","nonce":"","iat":17',
  '{"alg":"ES256","typ":"vp+jwt","kid":"did:key:zDn',
  '{"alg":"EdDSA","typ":"vp+jwt","kid":"did:key:z6Mk',
  '{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:uuid:',
  '","type":["VerifiableCredential","',
  '"issuer":"did:key:z6Mk","validFrom":"20","validUntil":"20","iss":"did:key:z6Mk","iat":17',
  ',"exp":17',
  '{"alg":"ES256","typ":"vc+jwt","kid":"did:key:zDn',
  '{"alg":"EdDSA","typ":"vc+jwt","kid":"did:key:z6Mk',
]

/** The version-1 preset dictionary. */
export const DICTIONARY_V1: Uint8Array = encodeUtf8(parts.join(''))
