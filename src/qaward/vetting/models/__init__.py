from qaward.vetting.models.consultation import Consultation
from qaward.vetting.models.letters import IssuedLetter, LetterSequence
from qaward.vetting.models.reviews import FormalReview, RecommenderReview

__all__ = ["Consultation", "FormalReview", "IssuedLetter", "LetterSequence", "RecommenderReview"]
