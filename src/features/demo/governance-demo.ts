import type { Actor } from "../../platform/actor.ts";
import type { Trx } from "../../platform/database.ts";
import { addAction } from "../governance/action.service.ts";
import { addAgendaItem } from "../governance/agenda.service.ts";
import { recordAttendance } from "../governance/attendance.service.ts";
import { createGroup } from "../governance/group.service.ts";
import { planMeeting, setNextMeeting, updateMeeting } from "../governance/meeting.service.ts";
import { addMembership } from "../governance/membership.service.ts";
import { agreeMinutes, publishMinutes } from "../governance/minutes.service.ts";

// The demo's governance: the Children and Families National Leadership Group, with a few of its
// members and its meeting of 21 May 2024 (public facts from the published minutes, shortened),
// minutes agreed at the next meeting and published. Entered through the same services as the
// pages use, as the demo editor.

const MEMBERS = [
  { person: "Louise Long", organisation: "SOLACE", role: "co_chair" },
  { person: "Andrew Watson", organisation: "Scottish Government", role: "co_chair" },
  { person: "Laura Caven", organisation: "CoSLA", role: "member" },
  { person: "Helen Happer", organisation: "Care Inspectorate", role: "member" },
  { person: "Fraser McKinlay", organisation: "The Promise", role: "member" },
  { person: "Claire Burns", organisation: "CELCIS", role: "member" },
  { person: "Peter Donachie", organisation: "Scottish Government", role: "secretariat" },
] as const;

export const DEMO_GROUP_NAME = "Children and Families National Leadership Group";

export async function loadGovernanceDemo(db: Trx, actor: Actor): Promise<void> {
  const group = await createGroup(db, actor, {
    name: DEMO_GROUP_NAME,
    remit:
      "Collaborative leadership of the change needed so that children, young people and families get the support they need, when they need it.",
    priorities:
      "Policy alignment\nWorkforce wellbeing\nBetter quality and sharing of data\nShifting resources towards prevention",
    portfolio: "Children and Families",
    startDate: "2023-06-01",
    reviewDate: "2025-06-01",
  });
  for (const member of MEMBERS) await addMembership(db, actor, group.id, member);

  const meetingId = await planMeeting(db, actor, group.id, { date: "2024-05-21", place: "Edinburgh" });
  // Just planned: the meeting's details are at their first version, 0.
  await updateMeeting(db, actor, meetingId, 0, { date: "2024-05-21", place: "Edinburgh", status: "held" });
  await recordAttendance(db, actor, meetingId, [
    { person: "Louise Long", organisation: "SOLACE", coChair: true },
    { person: "Laura Caven", organisation: "CoSLA" },
    { person: "Helen Happer", organisation: "Care Inspectorate" },
    { person: "Fraser McKinlay", organisation: "The Promise" },
    { person: "Claire Burns", organisation: "CELCIS" },
    { person: "Jane Scott", organisation: "CELCIS" },
    { person: "Andrew Watson", organisation: "Scottish Government", coChair: true },
    { person: "Peter Donachie", organisation: "Scottish Government" },
  ]);
  await addAgendaItem(db, actor, meetingId, {
    title: "Welcome from co-chairs",
    notes:
      "Louise Long welcomed members to the group's first in-person session. The meeting's purpose was to discuss how the main improvement themes from the research on children's services reform can help the group consider its own leadership role.",
  });
  const research = await addAgendaItem(db, actor, meetingId, {
    title: "Leadership functions: drivers for change from the research on children's services reform",
    notes:
      "Jane Scott (CELCIS) presented the main issues for the group's leadership functions arising from the research.",
    discussionPoints: [
      "The group should have a more defined, pro-active and influential role as expert advisers",
      "The group should focus on a few key activities and pursue these in depth",
      "Create better alignment across different working groups",
    ],
  });
  await addAgendaItem(db, actor, meetingId, {
    title: "Next steps",
    notes:
      "The feedback from the session will be collated and analysed in more detail for the group's next meeting.",
  });
  await addAction(db, actor, meetingId, {
    text: "Collate and analyse the feedback from the session for the next meeting",
    agendaItemId: String(research),
    ownerOrganisation: "CELCIS",
    dueDate: "2024-06-11",
  });
  const nextId = await setNextMeeting(db, actor, meetingId, {
    date: "2024-06-11",
    startTime: "15:05",
    endTime: "16:30",
    online: true,
  });
  await updateMeeting(db, actor, nextId, 0, {
    date: "2024-06-11",
    startTime: "15:05",
    endTime: "16:30",
    online: true,
    status: "held",
  });
  await agreeMinutes(db, actor, meetingId, { agreedAt: String(nextId) });
  await publishMinutes(db, actor, meetingId, { publishedOn: "2024-07-01" });
}
