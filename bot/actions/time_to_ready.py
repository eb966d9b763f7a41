"""How long it takes to become job-ready, by programming background."""
from bot.answering.action_base import KnowledgeAction, Reply
from bot.answering.query import Profile, Query
from bot.answering.replies import inform_button, intent_button, join_words, months
from knowledge import KnowledgeBase
from knowledge.results import Unknown


class ActionTimeToReady(KnowledgeAction):
    def name(self) -> str:
        return "action_time_to_ready"

    def answer(self, kb: KnowledgeBase, profile: Profile, query: Query) -> Reply:
        background = query.first("background") or profile.background
        if background is None and profile.may_ask("background"):
            general = kb.time_to_job_ready()
            both = "; ".join(f"{o.name}: {months(o.months_min, o.months_max)}" for o in general.options)
            return Reply(f"It depends mostly on one thing, a programming background ({both}). "
                         "Do you already know how to program?",
                         [inform_button("Yes, I program", "background", "programmer"),
                          inform_button("No, not yet", "background", "non_programmer")]
                         if len(general.options) >= 2 else [], asks_for="background")
        result = kb.time_to_job_ready(background)
        if isinstance(result, Unknown) or result.background is None:
            result = kb.time_to_job_ready()
            lines = [f"{o.name}: {months(o.months_min, o.months_max)}" for o in result.options]
            return Reply("With focused effort: " + "; ".join(lines) + f". {result.note.text}",
                         [intent_button("Where do I start?", "ask_where_to_start")])
        bg = result.background
        since = "Since you already program" if bg.id == "programmer" else "Since you're new to coding"
        text = f"{since}, expect about **{months(bg.months_min, bg.months_max)}** of focused learning to be job-ready. {result.note.text}"
        plan = kb.learning_plan(profile.steps_done)
        if plan.done:
            text += (f"\n\nYou've already done {join_words([s.name for s in plan.done])} "
                     f"({len(plan.done)} of {len(plan.steps)} roadmap steps), so you're part of the way there.")
        return Reply(text, [intent_button("Where do I start?", "ask_where_to_start"),
                            intent_button("Learning roadmap", "ask_learning_path")])
