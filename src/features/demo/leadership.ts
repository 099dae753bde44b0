import { EDITION_DOCUMENT_FORMAT, type EditionDocument } from "../route-maps/edition-document.ts";

// The Leadership route map (People foundation), in its two published forms: the June 2024
// narrative page and the December 2025 outcome-based page. Entered by hand from the pages
// (../shared/seeds/000_… and 003_…), keeping their wording, so the demo reads like the real thing.
// Where the December 2025 page repeats one proposed theme with a typo, it is kept once.

export const LEADERSHIP_JUNE_2024: EditionDocument = {
  format: EDITION_DOCUMENT_FORMAT,
  theme: "leadership",
  layout: "ambitions",
  label: "June 2024",
  lastUpdated: "2024-06-01",
  status: "published",
  introduction: "",
  stateOfPlayTitle: "Scotland in 2024",
  stateOfPlay:
    "Despite challenges, there has been strong commitment to #KeepThePromise and provide the leadership required to do so at all levels, as evidenced by various practical steps, including leadership capacity building across organisations. At the local government level, there are Promise Leads within three quarters of local authorities, with a role to provide leadership and ensure responsibility for #KeepingThePromise locally.",
  ambitionSummary:
    "By 2030, there will be strong leadership across all of Scotland’s workforce that models and supports the values and principles of the broader workforce.",
  routeMapIntro:
    "Focus must be on the crisis on the workforce in and around Scotland’s ‘care system’; there are simply not enough people in the system to do the work required to care and support, let alone reform. For progress to be made, work must prioritise reducing the impact this is having, with a view to resolving the crisis.",
  outcomes: [
    {
      text: "Values-based leadership will exist at all levels and in all settings of the ‘care system’",
      pageRefs: "Pg 99",
    },
    {
      text: "Strong leadership will be evident across and throughout the entire ‘care system.’ This leadership will support and embed the changes made to nurture and support families to stay together.",
      pageRefs: "Pg 17",
    },
    {
      text: "Leaders will model an approach that encourages a culture of speaking up and recognising the judgment of the workforce. There will not be an over reliance on the confidence and leadership of individuals to go beyond boundaries. There will be a reassessment of professional guidelines and boundaries to make kind and loving behaviour the norm.",
      pageRefs: "Pg 36; Pg 23",
    },
    {
      text: "Leadership will value the voice and opinion of children and the workforce and will nurture a culture of appropriate information sharing.",
      pageRefs: "Pg 36",
    },
    {
      text: "Settings of care will have established a leadership culture that upholds children’s rights and applies the values of care, attachment, attunement and co-regulation in day to day life.",
      pageRefs: "Pg 85",
    },
    {
      text: "Leadership will be based on a broader understanding of risk and of the importance of natural, warm human relationships.",
      pageRefs: "Pg 103",
    },
  ],
  actions: [
    {
      text: "The revised Common Core, which will include an implementation plan for workforce development, will be agreed with the National Children and Families Leadership Group and will have a Ministerial launch.",
      children: [],
    },
    {
      text: "The Promise Scotland will convene a dialogue with stakeholders in the public, voluntary and private sectors, drawing on expertise in further and higher education on executive education, to develop an approach to high-quality leadership development for care experienced people.",
      children: [],
    },
    {
      text: "The actions outlined in the Voice foundation are fully embedded at every stage to progress actions on Leadership.",
      children: [],
    },
  ],
  milestones: [],
  // The June 2024 page shows who must act as icons only; the text names no sectors.
  sectors: [],
  helping: [
    "The Children and Families National Leadership Group (CFNLG), is a cross-sector and multi-agency group, which “provides collective leadership and strategic oversight of key areas of transformational change to improve outcomes for children, young people and families”. Its priorities are: work to #KeepThePromise, Whole Family Wellbeing Funding, UNCRC implementation, the embedding of GIRFEC/GIRFE, and tackling child poverty.",
    "In December 2023, CELCIS was commissioned by the Scottish Government to examine current delivery models and configurations in Scotland and internationally, to better understand how services can best support children, young people and their families. That research included reflections on the role of leadership in Scotland in driving the necessary collaboration and approaches. It highlighted that effective leadership at both national and local levels is crucial for aligning policies, challenging hierarchies, creating seamless service pathways, pooling resources, and establishing a learning culture. Leaders must also provide opportunities for multi-agency training and forums to enhance understanding among practitioners.",
    "As part of the National Trauma Transformation Programme, The NES Scottish Trauma Informed Leaders Training (STILT) programme was developed to acknowledge that trauma-informed and responsive practice requires trauma-informed and responsive environments, policies, systems, and organisations. It aims to support organisational leaders in developing trauma-informed systems, processes, environments, and teams from both the top down and the bottom up.",
    "The Whole Family Wellbeing Fund is hosting meetings (called ‘campfires’) for the Learning into Action (LiA) Network. This group brings together individuals from across the sectors who are leading on “transforming outcomes for children and families”, with the purpose of enabling progress.",
  ],
  whatMatters: [
    "People whose job it is to make big decisions that will affect me and my family’s life, care most about what matters to me and my family.",
    "People who support me are all working together to share resources, to jointly make decisions with me, and to own and fix any problems together.",
    "People who support me aren’t working in ways that are over-complicated and making it harder for everyone to do a good job.",
  ],
  mappings: {
    promise_report: ["17", "36", "85", "99", "103-104"],
    plan_21_24: [
      "What matters to children and families",
      "Whole family support",
      "Supporting the workforce",
      "Building capacity",
      "Planning",
    ],
    uncrc: ["Article 3", "Article 4", "Article 19"],
    shanarri: ["Safe", "Nurtured", "Respected", "Included"],
  },
};

export const LEADERSHIP_DECEMBER_2025: EditionDocument = {
  format: EDITION_DOCUMENT_FORMAT,
  theme: "leadership",
  layout: "outcomes",
  label: "December 2025",
  lastUpdated: "2025-12-01",
  status: "published",
  introduction:
    "This route map was last updated in December 2025 with information that is known about work underway and still required. It is not yet fully populated and work continues to identify what still needs to happen. Route maps are shared planning tools to support delivery of the promise and as progress is made and the rest of the route becomes clearer, this route map will continue to be updated.",
  stateOfPlayTitle: "Where is Scotland now?",
  stateOfPlay:
    "Work underway aligns with the Public Service Reform Strategy and Delivering for Scotland, promoting leadership approaches that prioritise trust, relationships and shared responsibility. There is growing recognition of leadership’s role in shaping culture, supporting the workforce and enabling sustainable change. Next steps focus on embedding values-based leadership more consistently, strengthening leadership capability and confidence, and balancing accountability with learning and improvement. Further work will encourage reflective practice, support collaboration across boundaries, and align leadership development with wider workforce and governance priorities. Sustained commitment is essential to deliver lasting cultural change and keep the promise.",
  ambitionSummary:
    "All of the promise's calls to action have been grouped into delivery-focused outcomes that make clear what Scotland must deliver to keep the promise. The route map then identifies who must take responsibility for action by when for each outcome. This means the outcomes are fully aligned to what children, young people, and care experienced adults said must happen and the actions required are in a format that supports delivery, accountability, and monitoring.",
  routeMapIntro: "",
  outcomes: [
    {
      text: "Leadership across Scotland’s 'care system' is values-based, relational and collective, enabling safe and loving relationships for children, young people, families, and care experienced adults through shared power, honest dialogue, ongoing learning, and a broadened understanding of risk.",
      pageRefs: "",
    },
  ],
  actions: [
    {
      text: "The work highlighted in the Public Service Reform Strategy to strengthen Community Planning Partnerships will be progressed.",
      children: [],
    },
    {
      text: "The Local Government Programme Board for the promise to review innovative work in local areas to consider how this work could be strengthened and its learnings applied nationally.",
      children: [],
    },
    {
      text: "The Promise Scotland will work alongside SOLACE, COSLA and local partners to explore the ‘promise keeper’ model for its wider applicability, adaptions and dissemination. This includes learning and sharing implementation of the promise at local level.",
      children: [],
    },
    {
      text: "The Promise Scotland to convene candid dialogues, rooted in the work, between key ‘systems leaders’. Proposed themes include:",
      children: [
        { text: "Why is collaborative, relational practice fragile and how do we strengthen it?" },
        { text: "What are the barriers to systems actors ceding power and how do we address these?" },
        { text: "How do we create and sustain the time and space for learning 'in the work'?" },
        {
          text: "What are the capacities and skillsets required to drive the necessary change and what are the roles and skills for the future?",
        },
        {
          text: "How do we enable and hold accountable the ‘root work’ required for transformational change, while holding the tension that the status quo is not good enough for ‘our children'?",
        },
        {
          text: "Congruence in the system: if we all say we want similar things, let us collectively address the gaps between intent and reality.",
        },
      ],
    },
    {
      text: "Via its support offer and collaborative working The Promise Scotland to engage with local authorities and listening to the lived realities of children and families. The Independent Strategic Advisor - the promise, to visit local areas and speak with senior leadership, the workforce, children and families to better understand bridges and barriers to change.",
      children: [],
    },
    {
      text: "Scottish Government to convene dialogue with all key partners to align the refreshed National Performance Framework with measures which incentivise collaboration, preventative work and holding the first purpose of work with children and families as safe, loving relationships and homes.",
      children: [],
    },
    {
      text: "Public Services Reform Board, with support from The Promise Scotland, to consider how to use the promise as an exemplar for public service reform and for the wider reform programme to incorporate learning from it.",
      children: [],
    },
    {
      text: "The Promise Scotland, building on Plan 24-30 route maps and potentially via strategically placed Promise Leads or Delivery Partners and via Leadership forums, to support local authorities to develop clear delivery plans.",
      children: [],
    },
    {
      text: "There remains a lack of leadership pathways for care experienced young people and adults embarking on their careers. The Promise Scotland will work with relevant partners to support them to develop career pathways for those with lived experience of care, to find ways into other areas of work and life as they mature, avoiding the need to rely on their traumatic experiences for work or to hold positions in professional spaces.",
      children: [],
    },
    {
      text: "Explore opportunities to work alongside projects or forums that work with people with lived experience of care to develop leadership practice to move beyond tokenism or 'domestication' of people with lived experiences of care, to recognise harm caused, to learn from it and to commit to doing differently.",
      children: [],
    },
  ],
  // The page says of every year: "There are no milestones identified for this year yet."
  milestones: [],
  sectors: [
    "Scottish Government",
    "COSLA",
    "Health Boards",
    "Third Sector",
    "Local Authorities",
    "Education",
  ],
  // The page's context for the route map: what is already helping.
  helping: [
    "Public Service Reform Strategy - 'Delivering for Scotland' - is built on four foundations, including 'Leadership and Cultural Change' and 'Accountability and Incentives.'",
    "In Renfrewshire, professionals and elected members complete a programme of learning, which then recognises them as ‘Promise Keepers’. Similar models exist in other places.",
    "‘Re-design our approach to accountability across Scotland’s public sector to enable collaboration, and the investment of resources and capacity in collectively achieving priority outcomes.’ Public Service Reform Strategy, 2025, p16",
    "'We face significant challenges, fiscal, demographic and socio-economic. More of the same won’t do. We must adopt a more common-sense approach that focuses on what is important: people and communities. To maximise the impact of our combined resources we must work better together.'Place Principle, 2019",
    "There are many examples of effective local leadership across Scotland, many of which are captured in the report 'Keeping the promise: a local perspective', produced by the Promise Scotland in April 2025",
    "Scottish Leaders Forum offers opportunities for Scotland's senior leaders to 'come together, to connect, to learn and to collaborate... to tackle the critical challenges our communities and our public services are facing'.",
  ],
  whatMatters: [
    "The people making big decisions that impact my family care most about what matters to us.",
    "People who support me are all working together to share resources, to jointly make decisions with me, and to own and fix any problems together.",
    "People who support me aren’t working in ways that are over-complicated and making it harder for everyone to do a good job.",
  ],
  mappings: { promise_report: [], plan_21_24: [], uncrc: [], shanarri: [] },
};
