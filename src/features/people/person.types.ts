/** A person, shared across Waymark: members of groups, attendees, owners of actions. */
export interface Person {
  id: number;
  name: string;
  /** Private: never on a public page, in the API or in a download. */
  email: string | null;
  /** Their organisation now (what they came for at a meeting is kept with the attendance). */
  organisationId: number | null;
}
