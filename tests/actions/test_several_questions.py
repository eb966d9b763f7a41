"""Every question of a message is answered, in order, after at most one line on what was noted."""
from bot.actions.faq import ActionSpecialize
from bot.actions.profile import ActionShowProfile, ActionUpdateProfile
from bot.actions.role import ActionExplainRole
from bot.actions.time_to_ready import ActionTimeToReady
from tests.actions.conftest import run_action, spans


def question(text: str, part: str, intent: str) -> dict:
    start = text.index(part)
    return {"entity": "question", "value": intent, "start": start, "end": start + len(part)}


def test_two_questions_in_one_message_get_two_answers_in_order():
    text = "what does an MLE do and how much do they earn?"
    ents = [question(text, "what does an MLE do", "ask_role"), question(text, "how much do they earn?", "ask_salary")]
    out = run_action(ActionExplainRole(), text, "ask_role", ents, slots={"asked": ["level"]})
    texts = [m["text"] for m in out.messages]
    assert len(texts) == 2
    assert "Day to day" in texts[0] and "$165K" in texts[1]


def test_a_question_inside_a_self_description_is_answered_after_the_note():
    text = "I teach high-school chemistry and have zero programming, is switching realistic for me?"
    ents = [*spans(text, background__zero_programming="non_programmer"),
            question(text, "is switching realistic for me?", "ask_time_to_ready")]
    out = run_action(ActionUpdateProfile(), text, "inform", ents)
    texts = [m["text"] for m in out.messages]
    assert texts[0].startswith("Got it, I'll remember that") and "new to coding" in texts[0]
    assert "2-3 years" in texts[1]
    assert out.slot("background") == "non_programmer"


def test_a_planted_question_value_that_is_no_intent_is_dropped():
    out = run_action(ActionExplainRole(), "/ask_role", "ask_role",
                     [{"entity": "question", "value": "[click](https://evil.example)"}])
    assert "evil.example" not in out.text and len(out.messages) == 1  # dropped: the one answer only


def test_two_questions_for_one_answer_about_different_things_get_both():
    from bot.actions.education import ActionEducationPaths
    text = "How long is a bootcamp, and how long is a master's?"
    ents = [question(text, "How long is a bootcamp", "ask_education"),
            question(text, "how long is a master's?", "ask_education"),
            {"entity": "education_path", "value": "bootcamp", "start": text.index("bootcamp"),
             "end": text.index("bootcamp") + 8},
            {"entity": "education_path", "value": "masters", "start": text.index("master's"),
             "end": text.index("master's") + 8}]
    out = run_action(ActionEducationPaths(), text, "ask_education", ents)
    assert len(out.messages) == 2 and "3-6 months" in out.messages[0]["text"] and "Master" in out.messages[1]["text"]


def test_a_place_inside_a_question_is_not_taken_for_where_the_user_lives():
    text = "I'm a web dev living in Columbus. Could I stay where I am and still earn well, or move to SF?"
    q = "Could I stay where I am and still earn well, or move to SF?"
    ents = [*spans(text, background__web_dev="programmer", location__Columbus="columbus", location__SF="bay_area"),
            question(text, q, "ask_salary")]
    out = run_action(ActionUpdateProfile(), text, "inform", ents)
    assert out.slot("location") == "columbus"


def test_ml_engineer_pay_somewhere_is_a_salary_answer_not_the_role_table():
    from bot.actions.role import ActionComparePay
    out = run_action(ActionComparePay(), "mle tc at faang?", "compare_pay",
                     {"role": "ml_engineer", "company_type": "faang"}, slots={"asked": ["level"]})
    assert "+20-40% for FAANG" in out.text and "Data Scientist" not in out.text


def test_a_no_followed_by_a_question_answers_the_question():
    from bot.actions.followup import ActionAnswerYesNo
    text = "no, that's not what I meant. what does an ML engineer do all day?"
    ents = [question(text, "what does an ML engineer do all day?", "ask_role")]
    out = run_action(ActionAnswerYesNo(), text, "deny", ents)
    assert "Day to day" in out.text and "utter_no_problem" not in out.responses


def test_a_follow_up_inside_a_longer_message_continues_the_previous_answer():
    from bot.actions.salary import ActionSalary
    from tests.actions.conftest import slots_after
    first = run_action(ActionSalary(), "senior salary in seattle", "ask_salary",
                       {"level": "senior", "location": "seattle"})
    text = "what about remote? i might want to move back to ohio near family"
    ents = [*spans(text, location__remote="remote", location__ohio="ohio"),
            question(text, "what about remote?", "followup_what_about")]
    out = run_action(ActionUpdateProfile(), text, "inform", ents, slots=slots_after(first))
    assert out.messages and "remote" in out.text.lower() and "Senior" in out.text
    assert not out.sets("location")


def test_a_question_nothing_can_answer_still_gets_a_reply():
    text = "what about that? i might move someday"
    out = run_action(ActionUpdateProfile(), text, "inform", [question(text, "what about that?", "followup_what_about")])
    assert out.messages and out.responses == ["utter_rephrase"]


def test_each_of_two_questions_is_answered_from_its_own_words_and_never_twice():
    text = "Should I specialize in NLP right away? And does specializing actually pay more?"
    ents = [*spans(text, specialization__NLP="nlp"),
            question(text, "Should I specialize in NLP right away?", "ask_specialize"),
            question(text, "And does specializing actually pay more?", "ask_salary")]
    out = run_action(ActionSpecialize(), text, "ask_specialize", ents)
    texts = [m["text"] for m in out.messages]
    assert "broad fundamentals" in texts[0]
    assert len(texts) == len(set(texts))


def test_a_question_that_names_nothing_takes_the_level_of_the_question_beside_it():
    text = "what's the pay for a senior mle and how many years do i need"
    ents = [*spans(text, level__senior="senior"), question(text, "what's the pay for a senior mle", "ask_salary"),
            question(text, "how many years do i need", "ask_time_to_ready")]
    out = run_action(ActionTimeToReady(), text, "ask_time_to_ready", ents)
    assert out.messages[0]["text"].startswith("**Senior ML Engineer** (5+ years)")


def test_a_question_about_someone_else_is_answered_from_their_facts_and_stores_none():
    text = "asking for my boyfriend, he's an accountant in boston, no real programming. how long would it take him?"
    ents = [*spans(text, location__boston="boston", background__no_real_programming="non_programmer"),
            question(text, "how long would it take him?", "ask_time_to_ready")]
    out = run_action(ActionUpdateProfile(), text, "inform", ents)
    assert "About them" in out.text and "2-3 years" in out.text
    assert not out.sets("location") and not out.sets("background") and out.slot("pending") is None


def test_a_profile_question_beside_a_correction_shows_the_corrected_profile():
    text = "whoa im not senior, im mid level. and whats on my profile now"
    ents = [*spans(text, level__senior="senior", level__mid_level="mid"),
            question(text, "whats on my profile now", "ask_profile")]
    out = run_action(ActionUpdateProfile(), text, "inform", ents, slots={"level": "senior"})
    texts = [m["text"] for m in out.messages]
    assert texts[-1].startswith("Here's what I know about you") and "Mid-Level" in texts[-1]


def test_a_question_the_guide_does_not_cover_beside_a_correction_is_said_to_be_not_covered_once():
    text = ("company is wrong, im at a well funded startup not faang. "
            "also how do faang ML interviews work, is it leetcode")
    ents = [*spans(text, company_type__well_funded_startup="startup", company_type__faang="faang"),
            {**question(text, "also how do faang ML interviews work", "not_covered"), "not_covered": "interviews"},
            {**question(text, "is it leetcode", "not_covered"), "not_covered": "interviews"}]
    out = run_action(ActionUpdateProfile(), text, "inform", ents, slots={"company_type": "faang"})
    texts = [m["text"] for m in out.messages]
    assert out.slot("company_type") == "startup"
    assert sum("doesn't cover interview" in t for t in texts) == 1


def test_a_correction_beside_a_profile_question_is_applied_before_the_profile_is_shown():
    text = "what do you know about me rn? btw i'm not a junior ml engineer, im a student"
    ents = [*spans(text, level__junior_ml_engineer="junior"),
            question(text, "what do you know about me rn?", "ask_profile")]
    out = run_action(ActionShowProfile(), text, "ask_profile", ents, slots={"level": "junior", "location": "austin"})
    assert out.slot("level") is None
    shown = out.messages[-1]["text"]
    assert shown.startswith("Here's what I know about you") and "Junior" not in shown
