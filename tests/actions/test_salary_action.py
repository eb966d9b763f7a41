from bot.actions.faq import ActionSpecialize
from bot.actions.followup import ActionFollowUp
from bot.actions.profile import ActionUpdateProfile
from bot.actions.salary import ActionSalary
from tests.actions.conftest import run_action, slots_after


def test_without_a_level_gives_the_median_and_asks_the_level_once():
    out = run_action(ActionSalary(), "how much do ml engineers make", "ask_salary")
    assert "$165K" in out.text
    assert [b["title"] for b in out.buttons] == ["Junior", "Mid-Level", "Senior", "Staff/Principal"]
    assert out.buttons[1]["payload"] == '/inform{"level":"mid"}'
    assert out.slot("pending")["slot"] == "level"
    again = run_action(ActionSalary(), "salary?", "ask_salary", slots=slots_after(out))
    assert "Which level" not in again.text


def test_level_location_and_company_each_apply_to_both_of_the_guides_mid_level_bands():
    out = run_action(ActionSalary(), "mid level at google in seattle?", "ask_salary",
                     {"level": "mid", "location": "seattle", "company_type": "faang"})
    assert "+30-50% for Seattle: **$195K-$270K** or **$208K-$300K**" in out.text  # 150-180K, 160-200K x 1.3-1.5
    assert "+20-40% for FAANG: **$180K-$252K** or **$192K-$280K**" in out.text  # x 1.2-1.4
    assert "two figures" in out.text and "$250K-$420K" not in out.text
    assert "+30-50% for Seattle" in out.text and "+20-40% for FAANG" in out.text


def test_the_profile_fills_what_the_question_leaves_out_and_says_so():
    out = run_action(ActionSalary(), "what would I earn", "ask_salary",
                     slots={"level": "junior", "location": "chicago"})
    assert "$120K-$140K" in out.text
    assert "Using what you told me" in out.text and "Chicago" in out.text


def test_senior_pay_shows_both_open_ended_figures_and_staff_has_none():
    senior = run_action(ActionSalary(), "senior salary", "ask_salary", {"level": "senior"})
    assert "$200K+" in senior.text and "$250K+" in senior.text
    staff = run_action(ActionSalary(), "staff salary", "ask_salary", {"level": "staff"})
    assert "no salary figure" in staff.text


def test_follow_up_changes_only_the_location():
    first = run_action(ActionSalary(), "junior salary", "ask_salary", {"level": "junior"})
    follow = run_action(ActionFollowUp(), "and in new york?", "followup_what_about",
                        {"location": "new_york"}, slots=slots_after(first))
    assert "Junior ML Engineer in New York" in follow.text
    assert "$156K-$210K" in follow.text  # 120-140K x 1.3-1.5
    faang = run_action(ActionFollowUp(), "what about FAANG?", "followup_what_about",
                       {"company_type": "faang"}, slots=slots_after(follow))
    assert "in New York at FAANG" in faang.text and "+20-40% for FAANG: **$144K-$196K**" in faang.text


def test_answering_the_level_question_answers_the_salary_question():
    asked = run_action(ActionSalary(), "how much do they make", "ask_salary")
    answered = run_action(ActionUpdateProfile(), "/inform", "inform", {"level": "senior"}, slots=slots_after(asked))
    assert answered.slot("level") == "senior"
    assert "$200K+" in answered.text


def test_an_early_stage_startup_gets_the_median_with_no_premium_added():
    out = run_action(ActionSalary(), "do i get that 20-40% bump now?", "ask_salary",
                     slots={"company_type": "early_startup"})
    assert "early-stage startup: the guide has no figure for it, so nothing is added" in out.text
    assert "$198K" not in out.text


def test_remote_and_specialization_are_named_but_not_invented_as_numbers():
    out = run_action(ActionSalary(), "remote nlp salary", "ask_salary",
                     {"location": "remote", "specialization": "nlp"}, slots={"asked": ["level"]})
    assert "working remotely" in out.text and "in NLP" in out.text
    assert "the guide has no figure for it, so nothing is added" in out.text
    assert "$165K" in out.text


def test_a_location_value_the_knowledge_base_does_not_know_is_dropped_not_echoed():
    planted = "Seattle. **Security notice**: [log in](https://evil.example/login)"
    out = run_action(ActionSalary(), "/ask_salary", "ask_salary", {"location": planted}, slots={"asked": ["level"]})
    assert "evil.example" not in out.text and "Security notice" not in out.text
    assert "location values I know: " in out.text and "Seattle" in out.text
    assert not out.sets("location")
    assert "$165K" in out.text  # the question is still answered, for no place in particular


def test_ml_experience_mentioned_in_the_question_sets_the_level():
    out = run_action(ActionSalary(), "I'm an ML engineer with 3 years of experience, what could I make in seattle",
                     "ask_salary", {"role": "ml_engineer", "location": "seattle"})
    assert out.slot("level") == "mid"
    assert "Mid-Level ML Engineer in Seattle" in out.text and "Which level" not in out.text


def test_a_place_outside_the_us_gets_us_figures_labelled_as_us_not_as_local_pay():
    out = run_action(ActionSalary(), "what would I make in toronto?", "ask_salary", {"location": "toronto"},
                     slots={"asked": ["level"]})
    first_line = out.text.splitlines()[0]
    assert "US salaries" in first_line and "none for Toronto" in first_line
    assert "not pay in Toronto" in first_line
    assert "US median for the role" in out.text and "$165K" in out.text
    assert "**ML engineer in the US**" in out.text and "in Toronto**" not in out.text


def test_stacked_premiums_never_make_the_headline_and_are_never_added_up():
    out = run_action(ActionSalary(), "junior at faang in seattle", "ask_salary",
                     {"level": "junior", "location": "seattle", "company_type": "faang"})
    headline = out.text.splitlines()[0]
    assert "US base for the level" in headline and "$120K-$140K" in headline and "$187K" not in headline
    assert "+30-50% for Seattle: **$156K-$210K**" in out.text  # 120-140K x 1.3-1.5 alone
    assert "+20-40% for FAANG: **$144K-$196K**" in out.text  # 120-140K x 1.2-1.4 alone
    assert "$187K" not in out.text and "no figure for these premiums together" in out.text


def test_what_moves_pay_questions_get_that_factor_with_its_figures():
    cases = {"does the city change pay?": ("30-50%", "Midwest"),
             "is FAANG money really higher?": ("+20-40%", "reliably"),
             "how much does experience add?": ("$120K-$140K", "$250K+"),
             "do niche skills earn more?": ("premium salaries", "no figure"),
             "can a remote job pay well?": ("Remote work is increasingly common", "no separate figure"),
             "working remotely from a small town, do I get paid like people in the big cities?":
                 ("Remote work is increasingly common", "no separate figure"),
             "how does pay where I live compare with the coasts?": ("30-50%", "Midwest"),
             "does my area of interest come with higher pay?": ("premium salaries", "no figure")}
    for question, facts in cases.items():
        out = run_action(ActionSalary(), question, "ask_salary", slots={"asked": ["level"]})
        assert all(f in out.text for f in facts), (question, out.text)
        assert "US median for the role" not in out.text, question


def test_a_salary_question_about_two_roles_compares_their_pay():
    out = run_action(ActionSalary(), "how does a data engineer's pay compare with an ML engineer's?", "ask_salary",
                     {"role": ["data_engineer", "ml_engineer"]})
    assert "$130K" in out.text and "$165K" in out.text


def test_a_salary_question_about_another_role_gets_that_roles_pay_beside_the_mles():
    out = run_action(ActionSalary(), "what's a data engineer paid?", "ask_salary", {"role": "data_engineer"})
    assert "$130K" in out.text and "$165K" in out.text


def test_staying_where_i_live_and_still_earning_well_is_the_remote_work_factor():
    out = run_action(ActionSalary(), "could I stay where I am and still earn well?", "ask_salary")
    assert out.text.startswith("**Remote work**") and "living elsewhere" in out.text


def test_one_faang_company_by_name_is_said_to_have_no_figure_of_its_own():
    out = run_action(ActionSalary(), "how much does netflix pay ml engineers?", "ask_salary",
                     {"company_type": ["faang"]}, slots={"asked": ["level"]})
    assert out.text.startswith("The guide gives no figures for Netflix itself") and "+20-40% for FAANG" in out.text


def test_pay_starting_out_is_the_first_levels_band():
    out = run_action(ActionSalary(), "what would i make starting out?", "ask_salary", slots={"location": "chicago"})
    assert out.text.startswith("**Junior ML Engineer in Chicago**") and "$120K-$140K" in out.text


def test_a_first_salary_is_the_junior_band():
    out = run_action(ActionSalary(), "what would my first salary look like", "ask_salary")
    assert "**Junior ML Engineer**" in out.text and "$120K-$140K" in out.text


def test_whether_a_domain_counts_as_a_premium_specialisation_gets_the_guides_list():
    out = run_action(ActionSpecialize(), "does recommender work count as one of the premium specializations?",
                     "ask_specialize")
    assert "computer vision, NLP, reinforcement learning" in out.text
