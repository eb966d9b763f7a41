"""Conversations over the REST channel against the real, running careerbot."""
import json
import os
import urllib.error
import urllib.request
import uuid
from typing import Dict, List

import pytest

pytestmark = pytest.mark.e2e


def post(url: str, body: bytes, content_type: str = "application/json"):
    req = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


class Chat:
    def __init__(self, rasa_url: str) -> None:
        self.url = f"{rasa_url}/webhooks/rest/webhook"
        self.sender = f"rest-{uuid.uuid4().hex[:8]}"

    def say(self, text: str) -> List[Dict]:
        status, body = post(self.url, json.dumps({"sender": self.sender, "message": text}).encode())
        assert status == 200, body
        return json.loads(body)

    def text(self, text: str) -> str:
        return "\n".join(m.get("text", "") for m in self.say(text))


def test_a_developer_in_seattle_gets_personalised_answers(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    assert "careerbot" in chat.text("hi")
    profile = chat.text("I'm a backend dev in Seattle")
    assert "Seattle" in profile
    assert "12-18 months" in chat.text("how long will it take me to become an ML engineer?")
    salary = chat.text("how much does a mid level ml engineer make?")
    assert "Seattle" in salary and "$195K-$270K" in salary  # 150-180K x 1.3-1.5
    faang = chat.text("what about at FAANG?")
    assert "+20-40% for FAANG: **$180K-$252K**" in faang and "$234K" not in faang  # each premium on its own
    assert "Seattle" in chat.text("what do you know about me?")


def test_the_bot_asks_one_question_then_answers_with_it(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    question = chat.say("how long does it take to become job ready?")
    payloads = [b["payload"] for m in question for b in m.get("buttons", [])]
    assert '/inform{"background":"non_programmer"}' in payloads
    answer = chat.text('/inform{"background":"non_programmer"}')
    assert "2-3 years" in answer and "new to coding" in answer


def test_role_comparison_then_which_pays_more(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    assert "$140K" in chat.text("what's the difference between an ML engineer and a data scientist?")
    assert "**Machine Learning Engineer** pays more" in chat.text("which pays more?")


def test_learning_path_follow_ups(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    assert "Python fundamentals" in chat.text("where do I start?")
    assert "Linear algebra & calculus" in chat.text("what's next?")


def test_unclear_and_foreign_input_never_gets_an_unrelated_fact(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    for text in ("asdfgh qwerty zxcv", "???", "🙂🙂🙂", "¿dónde está la biblioteca municipal?"):
        reply = chat.text(text)
        assert reply and "$" not in reply, (text, reply)
    assert "careerbot" in chat.text("hello")  # the conversation goes on


@pytest.mark.parametrize("body,content_type", [
    (b"{not json", "application/json"),
    (os.urandom(2048), "application/octet-stream"),
    (json.dumps({"sender": "x", "message": "<img src=x onerror=alert(1)> ' OR 1=1; --"}).encode(), "application/json"),
    (json.dumps({"sender": "big", "message": "a" * 100_000}).encode(), "application/json"),
])
def test_bad_requests_get_a_4xx_or_a_polite_reply_and_the_server_keeps_serving(bot_servers, body, content_type):
    status, reply = post(f"{bot_servers.rasa_url}/webhooks/rest/webhook", body, content_type)
    assert status < 500, reply
    if status == 200:
        assert all("Traceback" not in (m.get("text") or "") for m in json.loads(reply))
    assert "careerbot" in Chat(bot_servers.rasa_url).text("hi")


def test_the_http_api_refuses_requests_without_its_token(bot_servers):
    # The e2e servers run with CAREERBOT_API_TOKEN (tests/e2e/conftest.py); without one the API is off.
    status, _ = post(f"{bot_servers.rasa_url}/conversations/someone/tracker/events", b"[]")
    assert status == 401


def test_a_socket_dropped_mid_request_does_not_stop_the_server(bot_servers):
    import socket
    from urllib.parse import urlparse

    url = urlparse(bot_servers.rasa_url)
    for _ in range(3):
        with socket.create_connection((url.hostname, url.port), timeout=5) as s:
            s.sendall(b"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 5000\r\n\r\n{\"sender\": \"drop\", \"message\": \"sal")
    assert "careerbot" in Chat(bot_servers.rasa_url).text("hi")


def test_only_the_configured_origins_may_open_the_chat_socket(bot_servers):
    def handshake(origin: str) -> int:
        req = urllib.request.Request(f"{bot_servers.rasa_url}/socket.io/?EIO=4&transport=polling",
                                     headers={"Origin": origin})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status
        except urllib.error.HTTPError as err:
            return err.code

    web_port = bot_servers.web_url.rsplit(":", 1)[1]
    assert handshake(f"http://localhost:{web_port}") == 200
    assert handshake("http://evil.example") == 400


def test_every_question_of_a_message_is_answered_and_a_self_description_is_noted(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    both = chat.text("what does an MLE do and how much do they earn?")
    assert "Day to day" in both and "$165K" in both
    noted = chat.text("I teach high-school chemistry and have zero programming, is switching realistic for me?")
    assert "new to coding" in noted and "2-3 years" in noted
    chat.text("jr mle here, at a startup in nyc")
    profile = chat.text("what do you know about me?")
    assert "Junior" in profile and "New York" in profile and "startup" in profile


def test_corrections_leave_the_profile_the_user_meant(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    chat.text("I live in Chicago and I know Java and SQL")
    chat.text("actually I moved to Denver")
    chat.text("no, I don't know Java")
    chat.text("my partner works at Google")
    profile = chat.text("what do you know about me?")
    assert "Denver" in profile and "SQL" in profile
    assert "Chicago" not in profile and "Java" not in profile and "FAANG" not in profile


def test_a_part_of_the_profile_taken_out_in_words_is_gone_and_the_rest_stays(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    chat.text("I'm based in Denver and I know SQL, I work at a startup")
    assert "taken that off" in chat.text("please don't keep my location")
    chat.text("remove the startup thing from my profile")
    profile = chat.text("what do you know about me?")
    assert "SQL" in profile and "Denver" not in profile and "startup" not in profile


def test_a_pay_question_read_as_another_topic_gets_the_pay_for_the_users_level(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    chat.text("mid-level ML engineer here")
    assert "$150K-$180K" in chat.text("what should someone at my level be making?")


def test_a_second_question_the_classifier_is_unsure_of_takes_the_messages_topic(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    both = chat.text("which cloud platforms should i learn, and what version control stuff do employers expect?")
    assert "SageMaker" in both and "Git" in both


def test_skills_outside_the_guide_are_kept_and_said_to_be_outside_it(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    chat.text("lead frontend dev, 6 years typescript, never touched ml")
    assert "doesn't mention C#" in chat.text("is C# useful for ml?")
    profile = chat.text("what do you know about me?")
    assert "TypeScript" in profile and "already program" in profile and "Level" not in profile


def test_is_that_a_problem_is_answered_about_what_the_message_just_said(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    maths = chat.text("i dont know much math tbh, last did calculus in engineering college. is that a problem")
    assert maths.startswith("**Mathematics**") and "don't need a PhD" in maths
    coding = chat.text("im a nurse with zero coding, is that a dealbreaker?")
    assert "new to coding" in coding and "2-3 years" in coding


def test_a_choice_between_two_offers_compares_the_companies_and_the_places(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    reply = chat.text("I'm an ML engineer, 3 yrs in, at a 20-person seed-stage startup in San Francisco. "
                      "Got an offer from a big bank in Charlotte NC. Which typically pays more?")
    assert "Mid-Level" in reply  # 3 years as an ML engineer
    assert "+30-50%" in reply and "Charlotte" in reply
    assert "early-stage startup" in reply and "established enterprise" in reply
    assert "Research Scientist" not in reply


def test_realistic_for_me_and_the_gap_to_an_ml_engineer_get_their_own_topics(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    realistic = chat.text("hey, i'm a high school chemistry teacher in Columbus, Ohio. never written a line of "
                          "code. is ML engineering even realistic for me?")
    assert "2-3 years" in realistic and "$165K" not in realistic
    gap = Chat(bot_servers.rasa_url).text("data analyst here in denver. i do SQL all day and some python. "
                                          "whats the gap between me and an ML engineer?")
    assert "Still missing" in gap and "Data Scientist" not in gap


def test_someone_elses_language_makes_them_a_programmer_for_a_question_about_them(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    chat.text("I'm a nurse in Denver with no programming background. How long to become an ML engineer?")
    them = chat.text("my husband already codes in C#, how long would it be for him?")
    assert "About them" in them and "12-18 months" in them
    assert "C#" not in chat.text("what do you know about me?")


def test_redo_that_after_a_move_answers_the_last_question_for_the_new_place(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    chat.text("junior salary in chicago")
    again = chat.text("oh wait i actually relocated to new york in march, forgot to say. redo that?")
    assert "Junior ML Engineer in New York" in again and "+30-50%" in again


def test_a_non_ml_lead_asking_where_they_start_then_its_pay_gets_the_junior_level_and_band(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    level = chat.text("lead QA analyst for 9 years, mostly SQL. what level ml engineer would i come in as?")
    assert "Junior ML Engineer" in level and "start there" in level
    assert "$120K-$140K" in chat.text("and what would that pay?")
    assert "Level:" not in chat.text("what do you know about me?")


def test_zero_ml_beside_a_principal_title_keeps_the_title_off_the_ml_level(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    start = chat.text("principal firmware engineer, zero ML so far. would i start at senior?")
    assert "Junior ML Engineer" in start
    assert "Staff/Principal" not in chat.text("what do you know about me?")


def test_what_would_i_earn_in_my_first_ml_job_is_about_pay_not_job_hunting(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    chat.text("I'm a mobile developer, Kotlin for eight years, no machine learning at all.")
    assert "$120K-$140K" in chat.text("what would i earn in my first ml job?")


def test_what_decides_pay_lists_every_factor_with_its_figures(bot_servers):
    text = Chat(bot_servers.rasa_url).text("what are the main things that decide an ml engineer's pay?")
    assert "30-50%" in text and "20-40%" in text and "$120K-$140K" in text and "computer vision" in text


def test_which_companies_are_faang_then_their_premium_as_a_follow_up(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    assert "Netflix" in chat.text("what companies are counted as faang?")
    assert "20-40%" in chat.text("so how much above market do they pay?")


def test_the_step_after_the_first_one_goes_on_step_by_step(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    assert "**Python fundamentals**" in chat.text("what is the very first step on the roadmap?")
    assert "**Linear algebra & calculus**" in chat.text("and after that?")
    assert "**Supervised learning**" in chat.text("and then?")


def test_a_girlfriends_job_and_city_are_hers_not_the_users(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    pay = chat.text("my gf works as an ml engineer at amazon in new york. what does she likely earn?")
    assert "About them" in pay
    mine = chat.text("what do you know about me?")
    assert "New York" not in mine and "FAANG" not in mine


def test_a_question_in_the_users_country_keeps_the_junior_level_when_asked_for_the_us(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    assert "US salaries" in chat.text("what would a junior ml engineer earn in Lagos?")
    assert "$120K-$140K" in chat.text("ok whats it in the US then?")


def test_demand_over_there_for_a_user_abroad_says_the_guide_only_covers_the_us(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    chat.text("I live in Madrid")
    assert "doesn't say anything about demand in" in chat.text("is demand for ml engineers growing there?")


def test_someone_setting_out_is_welcomed_and_asked_whether_they_program(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    hello = chat.text("hi, considering a move into machine learning engineering")
    assert "Do you already know how to program?" in hello
    assert "2-3 years" in chat.text("nope, never coded")


def test_pay_set_aside_gets_the_advice_on_choosing_where_to_grow(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    text = chat.text("forget the money!! what does the guide say about choosing a company for learning")
    assert "meaningful ML problems" in text and "US median" not in text


def test_three_offers_are_compared_three_ways_and_an_ml_title_is_noted(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    text = chat.text("senior ml engineer in new york. offers from a well-funded startup, netflix and an "
                     "insurance company. which pays best?")
    assert "Level: Senior ML Engineer" in text and "Location: New York" in text
    assert "**a well-funded startup**" in text and "**FAANG**" in text and "**an established enterprise**" in text


def test_what_was_said_of_someone_else_answers_a_later_question_about_her(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    assert "someone else" in chat.text("my sister is a pharmacist, she has never written any code")
    her = chat.text("how long would she need to get job ready as an mle?")
    assert "About them" in her and "2-3 years" in her
    assert "new to coding" not in chat.text("what do you know about me?")


def test_a_sum_of_money_asked_about_from_abroad_is_a_pay_question_with_us_figures(bot_servers):
    text = Chat(bot_servers.rasa_url).text("based in Lisbon. is $165k a realistic number for me?")
    assert "US salaries" in text and "Lisbon" in text


def test_staying_put_and_remote_work_get_the_guides_remote_sentence(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    assert "Remote work is increasingly common" in chat.text("could i land a well paid ml job without relocating?")
    assert "Remote work is increasingly common" in Chat(bot_servers.rasa_url).text(
        "is working remote a realistic option in this field?")


def test_what_pushes_pay_up_or_down_lists_the_factors(bot_servers):
    text = Chat(bot_servers.rasa_url).text("what pushes an mle's pay up or down?")
    assert "30-50%" in text and "20-40%" in text


def test_a_parent_asking_for_a_son_who_codes_gets_his_answers_and_keeps_their_own_profile(bot_servers):
    chat = Chat(bot_servers.rasa_url)
    first = chat.text("asking for my daughter: she is 24, in Seattle, knows Java and SQL. how long until she's "
                      "job-ready as an ML engineer?")
    assert "About them" in first and "12-18 months" in first
    pay = chat.text("not me, HER. she codes in java. what would she make as a junior in seattle")
    assert "About them" in pay and "Seattle" in pay
    chat.text("and her salary then? junior ml engineer in seattle")
    assert "2-3 years" in chat.text("i can not program at all myself. how long would it take me?")
    mine = chat.text("what do you know about me?")
    assert "Seattle" not in mine and "Junior" not in mine and "new to coding" in mine
