// The demo programme: the promise, its five foundations and the 25 route maps of Plan 24-30.
// Themes are data, not code: a programme with other themes is another list like this one.
//
// Theme names were checked against plan2430.scot where its pages could be found: every Care and
// Scaffolding theme (listed on "The five foundations" page), Listening (Voice), Universal family
// support and Intensive family support (Family), and Leadership (People, at
// /the-five-foundations/people/leadership). The six marked UNCONFIRMED are plausible stand-ins
// chosen to make up the 25; replace them when the real names are checked.

export interface DemoTheme {
  slug: string;
  name: string;
  summary: string;
}

export interface DemoFoundation {
  slug: string;
  name: string;
  summary: string;
  themes: DemoTheme[];
}

export const PROGRAMME = {
  slug: "the-promise",
  name: "The promise",
  summary:
    "In 2020 Scotland promised that every child in care, or on the edge of care, will grow up loved, safe and " +
    "respected, and that the promise will be kept by 2030. Plan 24-30 sets out how, in 25 route maps: where " +
    "Scotland is now, where it needs to be, what must happen and who must act.",
  startYear: 2020,
  endYear: 2030,
};

export const FOUNDATIONS: DemoFoundation[] = [
  {
    slug: "voice",
    name: "Voice",
    summary:
      "Children, young people and families are listened to, and what they say shapes every decision about their lives.",
    themes: [
      {
        slug: "listening",
        name: "Listening",
        summary: "Everyone who works with children listens to them properly and acts on what they hear.",
      },
      // UNCONFIRMED name.
      {
        slug: "participation",
        name: "Participation",
        summary: "Care-experienced people help design the services and decisions that affect them.",
      },
    ],
  },
  {
    slug: "family",
    name: "Family",
    summary: "Families get the support they need to stay together, wherever it is safe to do so.",
    themes: [
      {
        slug: "universal-family-support",
        name: "Universal family support",
        summary: "Support that every family can use, in their community, before problems grow.",
      },
      {
        slug: "intensive-family-support",
        name: "Intensive family support",
        summary: "Help for families facing the hardest times, for as long as they need it.",
      },
      // UNCONFIRMED name.
      {
        slug: "peer-and-community-support",
        name: "Peer and community support",
        summary:
          "Families can find support from people and groups who understand what they are going through.",
      },
      // UNCONFIRMED name.
      {
        slug: "poverty",
        name: "Poverty",
        summary: "No family is pulled apart because of poverty.",
      },
    ],
  },
  {
    slug: "care",
    name: "Care",
    summary:
      "When children cannot live with their family, their care is stable, loving and built around relationships.",
    themes: [
      {
        slug: "advocacy-and-legal-advice",
        name: "Advocacy and legal advice",
        summary: "Children and families have someone on their side and the advice they need.",
      },
      {
        slug: "decision-making",
        name: "Decision making",
        summary: "Decisions about children's lives are made with them, quickly and with care.",
      },
      {
        slug: "moving-on-and-lifelong-support",
        name: "Moving on and lifelong support",
        summary: "Young people leaving care are supported for as long as they need it.",
      },
      {
        slug: "relationships",
        name: "Relationships",
        summary: "Children keep the relationships that matter to them, including with brothers and sisters.",
      },
      {
        slug: "stability",
        name: "Stability",
        summary: "Children are not moved from home to home, school to school, or carer to carer.",
      },
      {
        slug: "where-children-live",
        name: "Where children live",
        summary: "Children live in loving homes, not institutions.",
      },
    ],
  },
  {
    slug: "people",
    name: "People",
    summary: "The people who work with children and families are supported, valued and well led.",
    themes: [
      {
        slug: "leadership",
        name: "Leadership",
        summary: "Leaders at every level put relationships first and model the values of the promise.",
      },
      // UNCONFIRMED name.
      {
        slug: "workforce-support",
        name: "Workforce support",
        summary: "The workforce has the time, support and supervision it needs to care well.",
      },
      // UNCONFIRMED name.
      {
        slug: "values-based-recruitment",
        name: "Values-based recruitment",
        summary: "People are chosen for how they will care, not only for what they know.",
      },
      // UNCONFIRMED name.
      {
        slug: "workforce-learning",
        name: "Workforce learning and development",
        summary: "Everyone who works with children keeps learning, together and from the care community.",
      },
    ],
  },
  {
    slug: "scaffolding",
    name: "Scaffolding",
    summary:
      "The systems around care, such as money, law, data and inspection, help children and families instead of getting in the way.",
    themes: [
      {
        slug: "data-and-information",
        name: "Data and information",
        summary: "Scotland collects what matters to children and families, and uses it well.",
      },
      {
        slug: "education",
        name: "Education",
        summary: "Care-experienced children are supported to learn and do well at school and beyond.",
      },
      {
        slug: "governance",
        name: "Governance",
        summary: "The groups that run the work are clear about who decides what, and why.",
      },
      {
        slug: "health",
        name: "Health",
        summary: "Children and families get the physical and mental health care they need.",
      },
      {
        slug: "justice",
        name: "Justice",
        summary: "Children in conflict with the law are treated as children, with care.",
      },
      {
        slug: "legislation",
        name: "Legislation",
        summary: "The law supports the promise and is simple to follow.",
      },
      {
        slug: "money-and-commissioning",
        name: "Money and commissioning",
        summary: "Money is spent on what helps, with funding that lasts.",
      },
      {
        slug: "rights",
        name: "Rights",
        summary: "Children's rights, including the UNCRC, are respected in every decision.",
      },
      {
        slug: "scrutiny-and-inspection",
        name: "Scrutiny and inspection",
        summary: "Inspection looks at what matters to children and helps services improve.",
      },
    ],
  },
];

/** Who must act. The six the Leadership route map names first, then others the seed documents name. */
export const SECTORS: Array<{ slug: string; name: string }> = [
  { slug: "scottish-government", name: "Scottish Government" },
  { slug: "cosla", name: "COSLA" },
  { slug: "local-authorities", name: "Local Authorities" },
  { slug: "health-boards", name: "Health Boards" },
  { slug: "third-sector", name: "Third Sector" },
  { slug: "education", name: "Education" },
  { slug: "police-scotland", name: "Police Scotland" },
  { slug: "inspectorates", name: "Inspectorates" },
  { slug: "childrens-hearings-system", name: "Children's Hearings System" },
  { slug: "private-sector", name: "Private Sector" },
];
