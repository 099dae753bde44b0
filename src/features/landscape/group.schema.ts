import Type from "typebox";
import { ApiUrl, Id, Nullable, Slug } from "../../platform/api/common.schema.ts";
import { component } from "../../platform/api/openapi.ts";

// Governance groups, their memberships and meetings, as open data. Groups and memberships are
// public; meetings follow the minutes: the public sees meetings whose minutes are published, and
// the next meeting those minutes name.

const IsoDate = (description: string) => Nullable(Type.String({ format: "date", description }));
const ClockTime = (description: string) =>
  Nullable(Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description }));
const PageUrl = (description: string) => Type.String({ format: "uri-reference", description });

export const GroupReference = component(
  "GroupReference",
  Type.Object({ slug: Slug, name: Type.String(), url: ApiUrl }),
);

export const Group = component(
  "Group",
  Type.Object({
    slug: Slug,
    name: Type.String(),
    status: Type.Enum(["active", "paused", "ended"]),
    remit: Type.String({ description: "What the group is for." }),
    priorities: Type.String(),
    parent: Nullable(GroupReference),
    portfolio: Nullable(Type.String()),
    startDate: IsoDate("When the group started."),
    reviewDate: IsoDate("When the group's purpose is next to be reviewed."),
    endDate: IsoDate("When the group is to end."),
    url: ApiUrl,
    links: Type.Object({
      page: PageUrl("The group's page on the website."),
      memberships: ApiUrl,
      meetings: ApiUrl,
      calendar: PageUrl("The group's meetings as an iCalendar feed."),
    }),
  }),
);

export const GroupList = component(
  "GroupList",
  Type.Object({ groups: Type.Array(Group) }, { description: "Every group, by name." }),
);

export const Membership = component(
  "Membership",
  Type.Object({
    id: Id,
    person: Type.Object({
      id: Id,
      name: Type.String(),
      calendar: PageUrl("The person's meetings as an iCalendar feed."),
    }),
    organisation: Nullable(Type.Object({ slug: Slug, name: Type.String() })),
    role: Type.Enum(["co_chair", "secretariat", "member", "observer"]),
    deputyFor: Nullable(
      Type.Object({ id: Id, name: Type.String() }, { description: "The member they stand in for." }),
    ),
    from: IsoDate("First day of the membership; null: not recorded."),
    to: IsoDate("Last day of the membership; null: open-ended."),
  }),
);

export const MembershipList = component(
  "MembershipList",
  Type.Object(
    { group: GroupReference, memberships: Type.Array(Membership) },
    { description: "A group's memberships, co-chairs first, past ones included (see `to`)." },
  ),
);

export const Meeting = component(
  "Meeting",
  Type.Object({
    id: Id,
    date: Type.String({ format: "date" }),
    startTime: ClockTime("Start, UK time (Europe/London), 24-hour."),
    endTime: ClockTime("End, UK time (Europe/London), 24-hour."),
    place: Nullable(Type.String()),
    online: Type.Boolean(),
    status: Type.Enum(["planned", "held", "cancelled"]),
    minutes: Type.Enum(["published", "not_published", "draft", "agreed"], {
      description:
        "`published` minutes are public. Others see `not_published`; only those who may read the " +
        "group's private business see `draft` or `agreed`.",
    }),
    minutesPublishedOn: IsoDate("When the minutes were published."),
    links: Type.Object({
      page: Nullable(PageUrl("The meeting's page, when you may open it.")),
      minutesDocx: Nullable(PageUrl("The minutes as a Word document.")),
      minutesHtml: Nullable(PageUrl("The minutes as a standalone web page.")),
    }),
  }),
);

export const MeetingList = component(
  "MeetingList",
  Type.Object(
    { group: GroupReference, meetings: Type.Array(Meeting) },
    { description: "A group's meetings you may see, earliest first." },
  ),
);
