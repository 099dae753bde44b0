import { NotFoundError } from "../../platform/errors.ts";
import { queryOf, sendPrivatePage, sendPublicPage, signInFirst } from "../../platform/http-pages.ts";
import { isSlug } from "../../platform/slugs.ts";
import { parseId } from "./governance.validation.ts";

// What the governance routes share: reading addresses, and sending public and managing pages
// (platform/http-forms.ts reads forms and runs changes).

export function idParam(value: string | undefined): number {
  const id = parseId(value);
  if (id === null) throw new NotFoundError("We could not find that page: the address is not right.");
  return id;
}

export function slugParam(value: string | undefined): string {
  if (value !== undefined && isSlug(value)) return value;
  throw new NotFoundError("There is no group at this address.");
}

export { queryOf, sendPrivatePage as sendManagePage, sendPublicPage, signInFirst };
