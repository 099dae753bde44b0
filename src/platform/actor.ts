/** Who is asking. Every service that reads private data or changes anything takes one. */
export type Role = "editor" | "reader";

export type Actor =
  | { kind: "public" }
  | { kind: "user"; id: number; name: string; email: string; role: Role };

export const PUBLIC: Actor = { kind: "public" };

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? `${actor.name} <${actor.email}>` : "public";
}
