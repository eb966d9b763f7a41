"""The learning sequence: the whole roadmap, where to start, and what comes next."""
import re
from dataclasses import replace
from typing import Any, Dict, List, Optional

from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.comparison import all_paths
from bot.answering.query import Profile, Query
from bot.answering.replies import inform_button, intent_button, join_words, lower_first, since_background
from knowledge import KnowledgeBase
from knowledge.results import LearningPlan, LearningStepInfo, SkillInfo, Unknown

# The skill category of the first step a programmer may not have yet (skills.yml).
DATA_TOOLS = "data_manipulation"


def plan_for(kb: KnowledgeBase, profile: Profile) -> LearningPlan:
    return kb.learning_plan(profile.steps_done)


def step_skills(kb: KnowledgeBase, step: LearningStepInfo) -> List[SkillInfo]:
    skills = kb.skills_for_step(step.id)
    return [] if isinstance(skills, Unknown) else skills


class ActionLearningPath(KnowledgeAction):
    def name(self) -> str:
        return "action_learning_path"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        cheapest_or_fastest = all_paths(kb, query)
        if cheapest_or_fastest:  # "whats the cheapest way to learn this stuff": the paths, by cost
            return Reply(cheapest_or_fastest, [intent_button("Whole roadmap", "ask_learning_path")])
        ordinal = ordinal_step(kb, profile, query)
        if ordinal:  # "whats the very first step in the roadmap?": that step, so "and after that?" goes on
            return ordinal
        plan = plan_for(kb, profile)
        done = {s.id for s in plan.done}
        lines = [f"{s.position}. **{s.name}**{' ✓ done' if s.id in done else ''}: {s.summary}" for s in plan.steps]
        text = "The guide's recommended learning sequence:\n" + "\n".join(lines)
        if plan.done and plan.next_step:
            text += f"\n\n{done_so_far(plan, profile)}; so your next step is **{plan.next_step.name}**."
        elif not plan.next_step:
            text += "\n\nYou've done every step: keep building projects and learning."
        text += f"\n\n{plan.advice.text}"
        return Reply(text, [intent_button("Where do I start?", "ask_where_to_start"),
                            intent_button("How long will it take?", "ask_time_to_ready")])


class ActionWhereToStart(KnowledgeAction):
    def name(self) -> str:
        return "action_where_to_start"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        plan = plan_for(kb, profile)
        step = plan.next_step or plan.steps[-1]
        if plan.done:
            text = (f"You've already done {join_words([s.name for s in plan.done])}, "
                    f"so pick up at **{step.name}**: {step.summary}")
        elif profile.background == "programmer" and len(plan.steps) > 1:
            data_tools = [k.name for k in step_skills(kb, step) if k.category_id == DATA_TOOLS]
            check = f"check you're at home with {join_words(data_tools)}, then " if data_tools else ""
            text = (f"{since_background(profile.background)}, start with **{step.name}** but move fast: "
                    f"{check}head to **{plan.steps[1].name}**.")
        else:
            text = f"Start with **{step.name}**: {step.summary}"
        text += f"\n\n{plan.advice.text}"
        return Reply(text, [intent_button("What comes next?", "ask_next_step"),
                            intent_button("Whole roadmap", "ask_learning_path")],
                     context={"learning_step": [step.id]})


AFTER = re.compile(r"\bafter\b", re.IGNORECASE)


def step_teaching(kb: KnowledgeBase, skill: Optional[str]) -> Optional[str]:
    """The roadmap step where a skill is learned."""
    return next((k.learning_step_id for c in kb.skill_categories() for k in c.skills if k.id == skill), None)


def step_of_skill_after(kb: KnowledgeBase, query: Query) -> Optional[str]:
    """'what comes after python?': the step that teaches the named skill."""
    return step_teaching(kb, query.first("skill")) if AFTER.search(query.text) else None


DONE = re.compile(r"\b(?:finished|finish|done|completed|complete|through with|wrapped up|covered)\b", re.IGNORECASE)


class ActionNextStep(KnowledgeAction):
    def name(self) -> str:
        return "action_next_step"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        ordinal = ordinal_step(kb, profile, query)
        if ordinal:  # "and the very last step?": that step, not the one after the previous answer's
            return ordinal
        # "what's next?" right after a learning answer continues from the step it presented.
        named = query.first("learning_step")
        in_message = any(st.kind == "learning_step" for st in query.said)  # not carried from the last answer
        if named and in_message and IS_IT_NEXT.search(query.text) and not DONE.search(query.understood):
            return is_it_next(kb, profile, named)
        slots: Dict[str, Any] = {}
        said_done = [s for s in query.about_user("learning_step") if s not in profile.steps_done]
        if len(said_done) >= 2 and DONE.search(query.understood):
            # "done python basics, linear algebra and supervised learning. what comes next?": theirs, not "after X"
            profile = replace(profile, steps_done=[*profile.steps_done, *said_done])
            slots["steps_done"] = profile.steps_done
            named = None
        asked_step = (named or step_of_skill_after(kb, query) or query.previous_entity("learning_step"))
        if asked_step:
            # Skip what the user has already done beyond the step they named. Asking what comes
            # after a step does not mean it is done: it is noted only when the user says so.
            after_step = kb.step_after(asked_step, profile.steps_done)
            if isinstance(after_step, Unknown):
                return Reply(f"The roadmap steps are: {join_words(after_step.known)}.")
            plan = after_step
            if asked_step in query.about_user("learning_step") and DONE.search(query.understood) \
                    and asked_step not in profile.steps_done:
                slots["steps_done"] = [*profile.steps_done, asked_step]
        elif profile.steps_done:
            plan = plan_for(kb, profile)
        else:
            if profile.may_ask("steps_done"):
                steps = kb.learning_steps()
                return Reply("Which step have you finished most recently?",
                             [inform_button(s.name, "learning_step", s.id) for s in steps[:5]],
                             asks_for="steps_done")
            plan = plan_for(kb, profile)
        step = plan.next_step
        if step is None:
            last = f": the {lower_first(plan.steps[-1].name)}" if plan.steps else ""
            return Reply(f"That's the end of the roadmap{last}. Now build your portfolio and apply.",
                         [intent_button("Portfolio advice", "ask_portfolio")], slots)
        after = next((s.name for s in plan.steps if s.id == asked_step), None)
        lead = f"After {after} comes" if after else "Your next step is"
        done = f"({done_so_far(plan, profile)}.)" if profile.steps_done else ""
        reply = describe_step(kb, profile, step, len(plan.steps), lead, done)
        reply.slots = {**slots, **reply.slots}
        return reply


# "supervised learning next?", "so deep learning is next?": whether that step is the user's next one
IS_IT_NEXT = re.compile(r"\bnext\s*\?|\b(?:is|are) (?:that|it|this) (?:the )?next\b|\bis next\b", re.IGNORECASE)


def is_it_next(kb: KnowledgeBase, profile: Profile, step_id: str) -> Reply:
    plan = plan_for(kb, profile)
    step = next((s for s in plan.steps if s.id == step_id), None)
    if step is None or plan.next_step is None:
        return Reply("You've done every step of the guide's roadmap: keep building projects and learning.")
    basis = (f"({done_so_far(plan, profile)}.)" if profile.steps_done
             else "(Going by the guide's order: you haven't told me of any step you've finished.)")
    if plan.next_step.id == step.id:
        return describe_step(kb, profile, step, len(plan.steps), "Yes: your next step is", basis)
    if step.id in {s.id for s in plan.done}:
        lead = f"You've done **{step.name}** already, so your next step is"
    else:
        lead = f"Not quite: **{step.name}** is step {step.position}, and your next step is"
    return describe_step(kb, profile, plan.next_step, len(plan.steps), lead, basis)


def done_so_far(plan: LearningPlan, profile: Profile) -> str:
    """"You've done ..." with the steps the user said, and the earlier ones only assumed named as such."""
    said = [s.name for s in plan.steps if s.id in profile.steps_done]
    assumed = [s.name for s in plan.done if s.id not in profile.steps_done]
    text = f"You've done {join_words(said)}"
    if assumed:
        it = "it" if len(assumed) == 1 else "them"
        text += f"; I've assumed {join_words(assumed)} before that, so tell me if you haven't done {it}"
    return text


# "the last step", "the very first one", "final stage"
ORDINAL_STEP = re.compile(r"\b(?:very\s+)?(first|last|final)\s+(?:step|one|stage|thing)\b", re.IGNORECASE)


def ordinal_step(kb: KnowledgeBase, profile: Profile, query: Query) -> Optional[Reply]:
    """The first or last roadmap step, when the question asks for it by its place."""
    ordinal = ORDINAL_STEP.search(query.text)
    if ordinal is None:
        return None
    steps = kb.learning_steps()
    return describe_step(kb, profile, steps[0 if ordinal.group(1).lower() == "first" else -1], len(steps))


def describe_step(kb: KnowledgeBase, profile: Profile, step: LearningStepInfo, total: int,
                  lead: str = "", done: str = "") -> Reply:
    """One roadmap step: its place, summary and the skills it covers the user doesn't know yet."""
    position = f"step {step.position} of {total}"
    if lead:
        text = f"{lead} **{step.name}** ({position}): {step.summary}"
    else:
        place = "The last step" if step.position == total else position.capitalize()
        text = f"{place} is **{step.name}**: {step.summary}"
    text += f"\n{done}" if done else ""
    skills = step_skills(kb, step)
    todo = [k.name for k in skills if k.id not in profile.skills_known]
    if todo:
        text += f"\nSkills it covers: {join_words(todo)}."
    known = [k.name for k in skills if k.id in profile.skills_known]
    after = next((s for s in kb.learning_steps() if s.position == step.position + 1), None)
    if known and todo and after:  # "i know python and pandas already": part of it, and what follows
        text += f"\nYou know {join_words(known)} from it already; after it comes **{after.name}**."
    return Reply(text, [inform_button(f"I've done {step.name}", "learning_step", step.id),
                        intent_button("Whole roadmap", "ask_learning_path")],
                 context={"learning_step": [step.id]})
