from bot.rasa_ext.nlu.english import looks_like_gibberish


def test_keyboard_mashing_emoji_and_punctuation_are_gibberish():
    for text in ("lkjsdf", "asdkjh qwpoei zzxv", "🙂🙂🙂", "?!?!", "", "12345", "ddddddffff ;;;;kkk"):
        assert looks_like_gibberish(text), text


def test_informal_english_with_typos_and_jargon_is_not_gibberish():
    for text in ("thx", "k", "wat skills do i need for mle", "how much do ml enginners make in sf",
                 "ty very much", "is kaggle worth it", "hola", "all good", "too soon", "hmmm ok"):
        assert not looks_like_gibberish(text), text
