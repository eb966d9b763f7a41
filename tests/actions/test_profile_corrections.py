"""The profile is what the user said about themselves, nothing more: negations, retractions and
replacements change it, someone else's facts and another career's seniority do not."""
from bot.actions.faq import ActionSpecialize
from bot.actions.followup import ActionAnswerYesNo
from bot.actions.learning import ActionNextStep
from bot.actions.profile import ActionShowProfile, ActionUpdateProfile
from bot.actions.salary import ActionSalary
from bot.actions.skills import ActionListSkills
from bot.actions.time_to_ready import ActionTimeToReady
from tests.actions.conftest import run_action, slots_after, spans


def update(text, slots=None, **surface_to_id):
    return run_action(ActionUpdateProfile(), text, "inform", spans(text, **surface_to_id), slots=slots)


def test_a_skill_retracted_in_the_same_message_is_not_stored():
    text = "I know Scala and Java. Actually forget Java, I barely touched it"
    out = update(text, skill__Scala="scala", skill__Java="java")
    assert out.slot("skills_known") == ["scala"]


def test_i_dont_know_removes_a_skill_and_says_what_changed():
    out = update("no, I don't know Java", slots={"skills_known": ["python", "java"]}, skill__Java="java")
    assert out.slot("skills_known") == ["python"]
    assert "taken that off" in out.text and "Java" in out.text


def test_a_step_the_user_says_they_never_did_is_removed_not_added():
    out = update("I never said I'd done the linear algebra step",
                 slots={"steps_done": ["python_fundamentals", "linear_algebra_calculus"]},
                 learning_step__linear_algebra="linear_algebra_calculus")
    assert out.slot("steps_done") == ["python_fundamentals"]


def test_a_move_replaces_the_location_and_the_old_city_is_not_taken():
    out = update("actually I moved to Austin from Chicago", slots={"location": "chicago"},
                 location__Austin="austin", location__Chicago="chicago")
    assert out.slot("location") == "austin"


def test_working_from_where_the_user_lives_keeps_it():
    out = update("could I work for an american company from Canada?", slots={"location": "toronto"},
                 location__Canada="canada")
    assert not out.sets("location") and "taken that off" not in out.text


def test_a_city_and_its_state_are_one_place_the_city():
    out = update("im in cleveland ohio", location__cleveland="cleveland", location__ohio="ohio")
    assert out.slot("location") == "cleveland"


def test_where_the_user_relocated_from_is_no_longer_theirs():
    out = update("I relocated from Boston last year", slots={"location": "boston"}, location__Boston="boston")
    assert out.slot("location") is None


def test_not_in_a_city_anymore_clears_it():
    out = update("I'm not in Seattle anymore", slots={"location": "seattle"}, location__Seattle="seattle")
    assert out.sets("location") and out.slot("location") is None
    assert "taken that off" in out.text


def test_a_new_company_replaces_the_old_one():
    out = update("I'm now at a startup", slots={"company_type": "faang"}, company_type__startup="startup")
    assert out.slot("company_type") == "startup"


def test_someone_elses_skills_are_not_the_users():
    out = update("my partner writes SQL all day", skill__SQL="sql")
    assert not out.sets("skills_known")
    assert "someone else" in out.text


def test_the_users_own_facts_beside_someone_elses_are_kept():
    out = update("my husband knows SQL but I know Python", skill__SQL="sql", skill__Python="python")
    assert out.slot("skills_known") == ["python"]


def test_seniority_in_another_programming_job_is_a_background_not_an_ml_level():
    out = update("I'm a staff android developer, a decade in", level__staff="staff")
    assert not out.sets("level")
    assert out.slot("background") == "programmer"


def test_a_senior_ml_engineer_is_an_ml_level():
    out = update("I'm a senior ML engineer", level__senior="senior")
    assert out.slot("level") == "senior"


def test_three_corrections_end_with_the_profile_meant():
    first = update("I live in Chicago and know Java", location__Chicago="chicago", skill__Java="java")
    second = update("sorry, I moved to Denver", slots=slots_after(first), location__Denver="denver")
    third = update("scratch Java, I meant Python", slots=slots_after(second, slots_after(first)),
                   skill__Java="java", skill__Python="python")
    final = slots_after(third, slots_after(second, slots_after(first)))
    assert final["location"] == "denver" and final["skills_known"] == ["python"]


def test_a_question_about_a_friend_does_not_set_the_users_background():
    text = "my friend is a developer, how long would it take me?"
    out = run_action(ActionTimeToReady(), text, "ask_time_to_job_ready",
                     spans(text, background__developer="programmer"))
    assert not out.sets("background")


def ask_how_long():
    return run_action(ActionTimeToReady(), "how long will it take me?", "ask_time_to_job_ready")


def test_a_yes_in_words_answers_the_programming_question_and_the_original_question():
    asked = ask_how_long()
    assert asked.slot("pending")["slot"] == "background"
    out = run_action(ActionAnswerYesNo(), "yeah I write Go at work", "affirm", slots=slots_after(asked))
    assert out.slot("background") == "programmer" and "12-18 months" in out.text


def test_a_no_in_words_answers_the_programming_question():
    asked = ask_how_long()
    out = run_action(ActionAnswerYesNo(), "nope, never", "deny", slots=slots_after(asked))
    assert out.slot("background") == "non_programmer" and "2-3 years" in out.text


def test_a_self_description_that_answers_the_programming_question_is_the_answer():
    asked = ask_how_long()
    out = update("yes obviously i write python", slots=slots_after(asked), skill__python="python")
    assert out.slot("background") == "programmer" and "python" in out.slot("skills_known")
    assert "12-18 months" in out.text and "2-3 years" not in out.text


def test_a_step_named_in_words_answers_which_step_was_finished():
    asked = run_action(ActionNextStep(), "what's my next step", "ask_next_step")
    assert asked.slot("pending")["slot"] == "steps_done"
    out = run_action(ActionAnswerYesNo(), "deep learning", "affirm", slots=slots_after(asked))
    assert out.slot("steps_done") == ["deep_learning"] and "Production ML" in out.text


def test_a_button_title_typed_by_hand_is_taken_as_the_answer():
    asked = run_action(ActionSalary(), "how much do they make", "ask_salary")
    out = run_action(ActionAnswerYesNo(), "Mid-level", "affirm", slots=slots_after(asked))
    assert out.slot("level") == "mid" and "$150K-$180K" in out.text


def test_a_typed_follow_up_button_is_a_question_not_a_new_location():
    first = run_action(ActionSalary(), "junior salary", "ask_salary", {"level": "junior"},
                       slots={"location": "chicago"})
    out = update("Remote?", slots=slots_after(first, {"location": "chicago"}), location__Remote="remote")
    assert not out.sets("location")
    assert "working remotely" in out.text


def test_never_really_coded_replaces_a_programming_background():
    out = update("hmm actually no, i've never really coded", slots={"background": "programmer"},
                 background__coded="programmer")
    assert out.slot("background") == "non_programmer"


def test_a_whole_field_can_be_taken_out():
    out = update("actually dont store my location, remove it pls",
                 slots={"location": "bay_area", "skills_known": ["sql"]})
    assert out.sets("location") and out.slot("location") is None and not out.sets("skills_known")


def test_a_correction_classified_as_no_is_still_a_correction():
    text = "no, I don't know Java"
    out = run_action(ActionAnswerYesNo(), text, "deny", spans(text, skill__Java="java"),
                     slots={"skills_known": ["python", "java"]})
    assert out.slot("skills_known") == ["python"]


def test_the_interest_liked_more_than_another_replaces_it():
    text = "tbh computer vision excites me way more than nlp now, change that"
    out = update(text, slots={"specialization": "nlp"}, specialization__computer_vision="computer_vision",
                 specialization__nlp="nlp")
    assert out.slot("specialization") == "computer_vision"


def test_a_reaction_is_acknowledged_not_guessed_at():
    from bot.actions.fallback import ActionDidYouMean
    out = run_action(ActionDidYouMean(), "ok thats reassuring", "nlu_fallback")
    assert out.responses == ["utter_affirm"]



def test_years_in_another_job_beside_an_ml_goal_are_no_ml_level():
    out = update("8 yrs in the ICU, never written a line of code, want to become an ml engineer")
    assert not out.sets("level")
    assert update("I've been an ML engineer for 3 years").slot("level") == "mid"


def test_a_level_the_user_only_asks_about_is_not_stored():
    out = update("would I have to start as a junior?", slots={"background": "programmer"}, level__junior="junior")
    assert not out.sets("level") and "Level" not in out.text


def test_a_company_the_user_only_thinks_of_joining_is_not_theirs():
    text = "senior mle at a startup in austin, considering a move to google. would it pay more?"
    out = update(text, level__senior="senior", company_type__startup="startup", location__austin="austin",
                 company_type__google="faang")
    assert out.slot("company_type") == "startup" and out.slot("level") == "senior"


def test_a_level_a_question_asks_about_is_not_stored_beside_a_place_that_is():
    out = update("I'm based in Denver. what does a junior earn there?", location__Denver="denver",
                 level__junior="junior")
    assert out.slot("location") == "denver" and not out.sets("level")


def test_two_things_compared_are_neither_the_users():
    out = update("startup or enterprise, which one pays more in the bay area?",
                 company_type__startup="startup", company_type__enterprise="enterprise")
    assert not out.sets("company_type")


def test_a_place_compared_with_another_is_not_the_users():
    out = update("I live in Denver. is Boston like the Bay Area for pay?", location__Denver="denver",
                 location__Boston="boston", location__Bay="bay_area")
    assert out.slot("location") == "denver"


def test_the_ml_level_the_user_aims_for_is_their_level():
    out = update("I want to become a senior ML engineer", level__senior="senior")
    assert out.slot("level") == "senior"


def test_a_decided_move_replaces_the_place():
    out = update("just got an offer, I'm moving to Seattle", slots={"location": "austin"},
                 location__Seattle="seattle")
    assert out.slot("location") == "seattle"


def test_a_move_only_thought_about_keeps_the_place():
    out = update("thinking about moving to Seattle someday", slots={"location": "austin"},
                 location__Seattle="seattle")
    assert not out.sets("location")


def test_what_he_does_is_not_the_users_background():
    out = update("not me, my son. he programs in Python", background__programs="programmer", skill__Python="python")
    assert not out.sets("background") and not out.sets("skills_known")


def test_years_written_in_words_make_an_ml_level():
    out = update("I'm one year into my first ML engineer job")
    assert out.slot("level") == "junior"


def test_the_users_job_is_remembered_in_their_words_and_shown_back():
    out = update("I'm a high school history teacher and I've never coded", background__never_coded="non_programmer")
    assert out.slot("occupation") == "high school history teacher"
    assert "Work: high school history teacher" in out.text


def test_a_new_job_replaces_the_old_one_and_can_be_taken_out():
    out = update("actually I'm an accountant now", slots={"occupation": "nurse"})
    assert out.slot("occupation") == "accountant"
    out = update("remove my job from what you know", slots={"occupation": "accountant"})
    assert out.sets("occupation") and out.slot("occupation") is None


def test_someone_elses_job_and_an_ml_job_are_no_occupation():
    assert not update("my wife is a data engineer and she knows SQL").sets("occupation")
    assert not update("I'm a junior ML engineer", level__junior="junior").sets("occupation")


def test_what_a_colleague_just_finished_is_not_the_users_step():
    out = update("my colleague just finished the deep learning part", learning_step__deep_learning="deep_learning")
    assert not out.sets("steps_done")


def test_x_not_y_keeps_x_and_takes_off_y():
    out = update("i meant pytorch, not tensorflow", slots={"skills_known": ["tensorflow"]},
                 skill__pytorch="pytorch", skill__tensorflow="tensorflow")
    assert out.slot("skills_known") == ["pytorch"]
    out = update("i live in cleveland not columbus", slots={"location": "columbus"},
                 location__cleveland="cleveland", location__columbus="columbus")
    assert out.slot("location") == "cleveland"


def test_dont_store_my_location_takes_it_off():
    out = update("actually dont store my location, remove it pls", slots={"location": "bay_area"})
    assert out.sets("location") and out.slot("location") is None


def test_a_skill_said_to_be_nothing_is_taken_off():
    out = update("tbh my python is basically nothing, take it off the list", slots={"skills_known": ["python", "sql"]},
                 skill__python="python")
    assert out.slot("skills_known") == ["sql"]


def test_a_skill_the_user_has_yet_to_learn_is_not_known():
    assert not update("is java useful or do i have to learn scala", skill__scala="scala").sets("skills_known")


def test_seniority_as_a_mechanical_engineer_is_no_ml_level():
    assert not update("i'm a senior mechanical engineer", level__senior="senior").sets("level")


def test_steps_named_with_learning_in_their_names_are_done():
    text = "i've done python fundamentals, supervised learning and deep learning"
    out = update(text, learning_step__python_fundamentals="python_fundamentals",
                 learning_step__supervised="supervised_learning", learning_step__deep="deep_learning")
    assert out.slot("steps_done") == ["python_fundamentals", "supervised_learning", "deep_learning"]


def test_the_level_the_user_is_at_wins_over_the_one_they_aim_for():
    out = update("mid-level MLE in dallas. goal: staff in ~3 yrs", level__mid="mid", level__staff="staff",
                 location__dallas="dallas")
    assert out.slot("level") == "mid"


def test_a_skill_typed_as_the_finished_step_marks_the_step_that_teaches_it():
    asked = run_action(ActionNextStep(), "what's my next step", "ask_next_step")
    out = update("linear algebra", slots=slots_after(asked), skill__linear="linear_algebra")
    assert out.slot("steps_done") == ["linear_algebra_calculus"] and "Supervised learning" in out.text


def test_a_sentence_fragment_is_no_job():
    assert not update("oops i'm a, i meant data scientist").sets("occupation")


def test_scratch_that_replaces_the_interest_with_the_one_named_after_it():
    text = "hmm, scratch that, computer vision is what I'm really into"
    out = update(text, slots={"specialization": "reinforcement_learning"},
                 specialization__computer_vision="computer_vision")
    assert out.slot("specialization") == "computer_vision"


def test_the_old_city_named_beside_the_new_one_does_not_win_back():
    text = "sorry, update: I moved to Denver last month, New York is old news"
    out = update(text, slots={"location": "new_york"}, location__Denver="denver", location__New_York="new_york")
    assert out.slot("location") == "denver"


def test_scratch_that_before_a_new_level_sets_the_level_instead_of_clearing_it():
    out = update("scratch that, I'm mid-level now, about 3 years in", slots={"level": "junior"},
                 level__mid="mid")
    assert out.slot("level") == "mid"


def test_a_question_read_as_a_statement_that_tells_nothing_new_is_answered():
    text = "could I just work remote from Chicago instead and get the same benefit?"
    out = run_action(ActionUpdateProfile(), text, "inform", spans(text, location__Chicago="chicago"),
                     slots={"location": "chicago"},
                     ranking=[{"name": "inform", "confidence": 0.5}, {"name": "ask_salary", "confidence": 0.3}])
    assert "I remember your programming background" not in out.text
    assert "Remote work" in out.text


def test_a_request_read_as_a_statement_is_answered_and_stores_nothing():
    text = "give me the numbers for a mid-level engineer"
    out = run_action(ActionUpdateProfile(), text, "inform", spans(text, level__mid="mid"),
                     ranking=[{"name": "inform", "confidence": 0.5}, {"name": "ask_salary", "confidence": 0.3}])
    assert not out.sets("level")
    assert "$150K-$180K" in out.text


def test_a_place_the_profile_already_has_asked_back_gets_a_reply():
    out = update("Seattle?", slots={"location": "seattle"}, location__Seattle="seattle")
    assert out.messages and not out.sets("location")


def test_senior_said_by_a_senior_backend_engineer_is_not_an_ml_level():
    out = update("since I'm senior already, what would I get paid?", slots={"occupation": "senior backend engineer"},
                 level__senior="senior")
    assert not out.sets("level")


def test_zero_ml_experience_takes_the_ml_level_off():
    text = "wait no, I'm senior in backend, I have zero ML experience. I'd be starting fresh in ML"
    out = update(text, slots={"level": "senior", "background": "programmer"}, level__senior="senior")
    assert out.sets("level") and out.slot("level") is None


def test_none_to_which_step_is_done_marks_nothing_and_answers_from_the_first_step():
    asked = run_action(ActionNextStep(), "so whats next for me", "ask_next_step")
    assert asked.text.startswith("Which step have you finished most recently?")
    text = "none really, I know python but not pandas"
    out = update(text, slots=slots_after(asked), skill__python="python", skill__pandas="pandas")
    assert not out.slot("steps_done")
    assert "Python fundamentals" in out.text


def test_the_tools_of_the_users_company_are_not_the_users_skills():
    out = update("my company uses Azure for everything", skill__Azure="azure_ml")
    assert not out.sets("skills_known")


def test_a_levels_pay_named_in_a_correction_of_the_question_is_not_the_users_level():
    out = update("no, i meant mid level salary", level__mid_level="mid")  # spans() reads "_" as a space
    assert not out.sets("level")


def test_a_school_principal_is_no_staff_level():
    out = update("my principal said ML is just a fad", level__principal="staff")
    assert not out.sets("level")


def test_a_denial_with_actually_in_it_removes_the_skill():
    text = "no wait i don't actually know sql, i was mixing it up"
    out = update(text, slots={"skills_known": ["python", "sql"]}, skill__sql="sql")
    assert out.slot("skills_known") == ["python"]


def test_actually_still_starts_a_new_statement():
    out = update("I know SQL, actually I live in Denver", skill__SQL="sql", location__Denver="denver")
    assert out.slot("skills_known") == ["sql"] and out.slot("location") == "denver"


def test_a_principal_engineer_who_never_touched_ml_gets_no_ml_level():
    text = "principal engineer at a big fintech, 15 yrs of c++ and python, never touched ml tho"
    out = update(text, level__principal="staff", skill__python="python")
    assert not out.sets("level") and out.slot("background") == "programmer"


def test_years_in_a_question_about_being_hired_are_no_ml_level():
    text = "with 15 years behind me would i be hired as a senior ml engineer right away?"
    out = update(text, slots={"background": "programmer"}, level__senior="senior")
    assert not out.sets("level")


def test_a_message_asking_for_someone_else_stores_none_of_their_facts():
    text = "asking for my boyfriend actually, he's an accountant in boston and knows a bit of sql"
    out = update(text, location__boston="boston", skill__sql="sql")
    assert not out.sets("location") and not out.sets("skills_known")


def test_a_place_said_to_be_someone_elses_is_taken_off():
    out = update("no. i live in portland. boston is where he lives not me", slots={"location": "boston"},
                 location__portland="portland", location__boston="boston")
    assert out.slot("location") == "portland"


def test_forget_that_takes_back_the_latest_change_only():
    out = update("please forget that", slots={"location": "seattle", "skills_known": ["java"],
                                               "last_change": {"skills_known": []}})
    assert out.slot("skills_known") == [] and not out.sets("location")


def test_thats_him_not_me_takes_back_the_latest_change_and_keeps_the_new_facts():
    text = "thats all him not me. i'm in portland"
    out = update(text, slots={"location": "boston", "last_change": {"location": None, "background": None},
                              "background": "non_programmer"}, location__portland="portland")
    assert out.slot("location") == "portland" and out.slot("background") is None


def test_ignore_that_about_a_value_of_the_same_message_takes_back_nothing_else():
    text = "and deep learning too. wait no, i havent done deep learning yet, ignore that"
    out = update(text, slots={"steps_done": ["python_fundamentals"], "last_change": {"steps_done": []}},
                 learning_step__deep_learning="deep_learning")
    assert not out.sets("steps_done")


def test_remote_beside_the_place_the_user_lives_keeps_the_place():
    text = "i'm fully remote now, still living in denver tho"
    out = update(text, slots={"location": "chicago"}, location__remote="remote", location__denver="denver")
    assert out.slot("location") == "denver"


def test_a_junior_in_college_is_a_student_not_a_junior_ml_engineer():
    out = update("hii im a junior in cs, know python pretty well", level__junior="junior", skill__python="python")
    assert not out.sets("level") and out.slot("skills_known") == ["python"]


def test_no_ml_at_all_is_heard_even_when_nothing_changes():
    out = update("never done any ml tho", slots={"background": "programmer"})
    assert "no ML experience yet" in out.text and not out.sets("level")


def test_if_i_already_code_is_a_fact_not_a_hypothetical():
    text = "so like how long till im hireable if i already code in javascript"
    out = update(text, background__javascript="programmer")
    assert out.slot("background") == "programmer"


def test_a_move_said_beside_the_bots_pending_question_is_noted_and_answers_for_the_new_place():
    pending = {"action": "action_salary", "entities": {"location": ["uk"]}, "slot": "level"}
    out = update("actually i'm moving to new york next month, so what would it be there?",
                 slots={"location": "uk", "pending": pending, "context": pending}, location__new_york="new_york")
    assert out.slot("location") == "new_york"
    assert out.messages[0]["text"].startswith("Got it") and "New York" in out.messages[1]["text"]
    assert "the UK" not in out.messages[1]["text"]


def test_a_skill_said_not_done_takes_off_the_step_named_after_it():
    out = update("i haven't really done linear algebra",
                 slots={"steps_done": ["python_fundamentals", "linear_algebra_calculus"]},
                 skill__linear_algebra="linear_algebra")
    assert out.slot("steps_done") == ["python_fundamentals"]


def test_scratch_one_city_put_me_down_as_another_sets_the_other():
    text = "scratch austin, put me down as seattle"
    out = update(text, slots={"location": "austin"}, location__austin="austin", location__seattle="seattle")
    assert out.slot("location") == "seattle"


def test_a_step_taken_off_the_done_list_is_removed():
    text = "take linear algebra and calculus off my done steps"
    out = update(text, slots={"steps_done": ["python_fundamentals", "linear_algebra_calculus"]},
                 learning_step__linear_algebra_and_calculus="linear_algebra_calculus")
    assert out.slot("steps_done") == ["python_fundamentals"]


def test_a_company_the_user_is_eyeing_is_not_where_they_work():
    text = "mid-level mle at a series B startup, eyeing faang"
    out = update(text, level__mid="mid", company_type__startup="startup", company_type__faang="faang")
    assert out.slot("company_type") == "startup"


def test_the_level_aimed_at_does_not_replace_the_level_the_user_is_at():
    out = update("how do i get to senior faster", slots={"level": "mid"}, level__senior="senior")
    assert not out.sets("level")


def test_a_course_planned_on_a_skill_is_not_a_skill_known():
    out = update("im gonna do a coursera course on linear algebra", skill__linear_algebra="linear_algebra")
    assert not out.sets("skills_known")


def test_a_specialisation_the_user_wants_to_do_is_their_interest():
    out = update("i was thinking id wanna do computer vision", specialization__computer_vision="computer_vision")
    assert out.slot("specialization") == "computer_vision"


def test_a_principal_engineer_who_builds_microservices_in_go_programs_and_has_no_ml_level():
    text = "principal engineer here, I build payment microservices in Go"
    out = update(text, level__principal_engineer="staff")
    assert not out.sets("level") and out.slot("background") == "programmer"


def test_not_one_level_then_another_sets_the_other():
    out = update("also not junior, mid level", slots={"level": "junior"},
                 level__junior="junior", level__mid_level="mid")
    assert out.slot("level") == "mid"


def test_moving_somewhere_said_as_an_update_is_the_new_place():
    text = "update: moving to sydney next month, so just put sydney"
    out = update(text, slots={"location": "seattle"}, location__sydney="sydney")
    assert out.slot("location") == "sydney"


def test_a_mid_size_company_is_no_mid_level():
    out = update("senior backend eng here, ~9 yrs mostly java, in seattle at a mid size saas co",
                 level__senior="senior", level__mid="mid", location__seattle="seattle", skill__java="java")
    assert not out.sets("level") and out.slot("background") == "programmer"


def test_a_level_said_to_be_about_someone_else_is_taken_off():
    out = update("the junior thing was about my son, remove it", slots={"level": "junior"}, level__junior="junior")
    assert out.sets("level") and out.slot("level") is None


def test_a_beginner_in_ml_has_no_ml_level():
    out = update("mid level as a developer, beginner in ML, please fix that", slots={"level": "mid"},
                 level__mid_level="mid")
    assert out.slot("level") is None


def test_a_senior_engineer_who_is_an_ml_novice_gets_no_ml_level_but_programs():
    text = "I'm a principal engineer in embedded systems (C and C++), but basically an ML novice."
    out = update(text, **{"level__principal": "staff", "skill__C++": "cpp"})
    assert not out.sets("level") and out.slot("background") == "programmer"


def test_asked_for_their_ml_level_a_user_without_one_is_told_where_the_ladder_starts():
    out = run_action(ActionShowProfile(), "what would you say my ML level is?", "ask_profile",
                     slots={"background": "programmer", "occupation": "principal engineer"})
    assert "none that you've told me" in out.text and "Junior ML Engineer" in out.text and "0-2 years" in out.text


def test_the_first_ml_role_is_paid_at_the_first_level():
    out = run_action(ActionSalary(), "What salary would I likely get in my first ML engineer role?", "ask_salary",
                     {"role": "ml_engineer"})
    assert "Junior ML Engineer" in out.text and "$120K-$140K" in out.text


def test_a_skill_named_as_done_after_which_step_is_done_marks_its_step():
    asked = run_action(ActionNextStep(), "which learning step should I do next?", "ask_next_step")
    text = "done python and the linear algebra and calculus parts"
    out = update(text, slots=slots_after(asked), skill__python="python",
                 learning_step__linear_algebra_and_calculus="linear_algebra_calculus")
    assert set(out.slot("steps_done")) == {"python_fundamentals", "linear_algebra_calculus"}
    assert "Supervised learning" in out.text


def test_what_the_user_tells_right_after_an_answer_that_uses_it_gets_that_answer_tailored():
    advice = run_action(ActionSpecialize(), "what should I specialize in?", "ask_specialize")
    out = update("mostly into language stuff, chatbots, text", slots=slots_after(advice),
                 specialization__language_stuff="nlp")
    assert out.slot("specialization") == "nlp"
    assert "So for NLP" in out.text and "broad fundamentals" in out.text


def test_what_the_user_tells_after_an_answer_that_does_not_use_it_is_only_noted():
    pay = run_action(ActionSalary(), "how much does a senior make", "ask_salary", {"level": "senior"})
    out = update("I know python", slots=slots_after(pay), skill__python="python")
    assert "Senior" not in out.text and "Ask me anything" in out.text


def test_done_with_both_skills_a_step_is_named_after_marks_that_step():
    both = update("ive done linear algebra and calc 1 and 2 btw", skill__linear_algebra="linear_algebra",
                  skill__calc="calculus")
    assert both.slot("steps_done") == ["linear_algebra_calculus"]


def test_done_with_one_of_the_skills_a_step_is_named_after_does_not_mark_the_step():
    one = update("I did calculus in college", skill__calculus="calculus")
    assert not one.sets("steps_done")


def test_denying_what_was_never_noted_says_so_instead_of_a_generic_reply():
    out = update("i havent done deep learning either", learning_step__deep_learning="deep_learning")
    assert out.text == "Noted: I don't have Deep learning down as yours, so nothing changes."


def test_a_level_asked_about_in_a_bare_question_is_not_stored():
    out = update("with my 4 years java, which level I will be as ML engineer? mid-level?", level__mid_level="mid")
    assert not out.sets("level")


def test_what_the_user_only_thought_or_was_told_is_not_stored():
    thought = update("Java is useful for ML? I thought only python", skill__python="python")
    assert not thought.sets("skills_known")


def test_what_someone_says_the_user_should_start_with_is_not_a_skill_of_theirs():
    told = update("my daughter says I should start with SQL since I know spreadsheets", skill__SQL="sql")
    assert not told.sets("skills_known")


def test_not_one_skill_only_another_takes_off_the_first_and_keeps_the_second():
    text = "oops no, i dont know java, only javascript. typo"
    out = update(text, slots={"skills_known": ["java"]}, skill__java="java", other_skill__javascript="javascript")
    assert out.slot("skills_known") == [] and out.slot("other_skills") == ["javascript"]


def test_a_decided_move_is_stored_even_beside_another_change():
    out = update("ok i'm gonna take the bank offer and move to Charlotte. update me.", slots={"location": "bay_area"},
                 location__Charlotte="charlotte")
    assert out.slot("location") == "charlotte"


def test_a_step_typed_as_the_answer_to_which_step_is_done_is_noted_whatever_it_was_classified_as():
    asked = run_action(ActionNextStep(), "which learning step should I do next?", "ask_next_step")
    text = "linear algebra & calculus"
    out = run_action(ActionListSkills(), text, "ask_skills", spans(text, **{
        "learning_step__linear_algebra_&_calculus": "linear_algebra_calculus"}), slots=slots_after(asked))
    assert out.slot("steps_done") == ["linear_algebra_calculus"]
    assert "Your next step is **Supervised learning**" in out.text


def test_i_know_a_skill_after_which_step_is_done_finishes_no_step():
    asked = run_action(ActionNextStep(), "what's my next step", "ask_next_step")
    out = update("I know Scala", slots=slots_after(asked), skill__Scala="scala")
    assert not out.slot("steps_done")


def test_a_job_held_as_something_is_the_users_work():
    out = update("I lead a team as a senior data analyst", level__senior="senior")
    assert out.slot("occupation") == "senior data analyst" and not out.sets("level")



def test_a_switch_after_a_comma_is_what_holds_now():
    text = "hmm actually im not php anymore, switched to kotlin android dev last year"
    out = update(text, slots={"other_skills": ["php"], "background": "programmer"}, other_skill__php="php",
                 other_skill__kotlin="kotlin")
    assert out.slot("other_skills") == ["kotlin"] and not out.sets("background")


def test_a_step_marked_as_not_done_is_taken_off():
    out = update("I haven't done calculus. mark linear algebra & calculus as not done please",
                 slots={"steps_done": ["python_fundamentals", "linear_algebra_calculus"]}, skill__calculus="calculus",
                 **{"learning_step__linear_algebra_&_calculus": "linear_algebra_calculus"})
    assert out.slot("steps_done") == ["python_fundamentals"]


def test_what_a_professor_says_of_google_is_not_the_users_company():
    prof = update("do i need a phd tho? my prof says everyone at google has one", company_type__google="faang")
    assert not prof.sets("company_type")


def test_offers_weighed_are_not_the_users_company():
    text = "mid-level MLE in Seattle with 3 offers: a well-funded startup, Amazon, and a big insurance enterprise"
    offers = update(text, company_type__well_funded_startup="startup", company_type__Amazon="faang",
                    company_type__enterprise="enterprise")
    assert not offers.sets("company_type")


def test_an_offer_accepted_is_the_users_company():
    text = "i just accepted an offer at a well funded startup"
    assert update(text, company_type__well_funded_startup="startup").slot("company_type") == "startup"


def test_an_offer_only_weighed_is_not_the_users_company():
    text = "i have an offer at a well funded startup"
    assert not update(text, company_type__well_funded_startup="startup").sets("company_type")


def test_a_girlfriends_company_and_city_are_not_stored():
    out = update("my gf is an ml engineer at google in boston", company_type__google="faang", location__boston="boston")
    assert not out.sets("company_type") and not out.sets("location")


def test_a_step_list_said_done_names_the_next_step():
    text = "I've done python fundamentals and the linear algebra and calculus part"
    out = update(text, learning_step__python_fundamentals="python_fundamentals",
                 learning_step__linear_algebra_and_calculus="linear_algebra_calculus")
    assert "Next on the roadmap for you: **Supervised learning**" in out.text


def test_a_level_asked_about_after_the_bot_asked_the_level_is_not_stored_as_the_users():
    pay = run_action(ActionSalary(), "how much do ml engineers make", "ask_salary")
    text = "i just moved to boston. so what about there, for a junior"
    out = update(text, slots=slots_after(pay), location__boston="boston", level__junior="junior")
    assert out.slot("location") == "boston" and not out.sets("level")
