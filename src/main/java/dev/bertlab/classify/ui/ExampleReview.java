package dev.bertlab.classify.ui;

import java.util.List;

/**
 * A review to try the classifier with in one click: product reviews in the style of Amazon's and film reviews in
 * the style of IMDb's, positive, negative and mixed (the hard ones).
 *
 * @param title the button's caption
 * @param text the review
 */
public record ExampleReview(String title, String text) {

    public static final List<ExampleReview> ALL = List.of(
            new ExampleReview("Amazon, positive", "Great headset: the sound is crisp, it is comfortable for hours, "
                    + "and the battery easily lasts a whole week. Worth every penny."),
            new ExampleReview("Amazon, negative", "Stopped charging after two weeks and customer service never "
                    + "answered. Complete waste of money, do not buy."),
            new ExampleReview("Amazon, mixed", "The phone case looks nice and fits well, but the buttons are stiff "
                    + "and it started to peel at the corners within a month."),
            new ExampleReview("IMDb, positive", "A moving, beautifully shot film. The lead gives the performance of "
                    + "her career, and the final scene stayed with me for days. I loved every minute of it."),
            new ExampleReview("IMDb, negative", "Two hours of my life I will never get back. The plot makes no sense, "
                    + "the dialogue is wooden, and even the usually reliable cast looks bored."),
            new ExampleReview("IMDb, mixed", "The first half is gripping and the score is wonderful, yet the ending "
                    + "is rushed and the twist is so predictable that it spoils much of what came before."));
}
