package io.github.tiktokevents.event;

import java.util.List;

/**
 * TikTok's standard event names (case-sensitive). Any other string is a custom event, which web and app events
 * accept; offline events take standard names only.
 *
 * <pre>{@code
 * Event.builder(EventNames.PURCHASE)...          // standard
 * Event.builder("NewsletterSignup")...           // custom
 * }</pre>
 */
public final class EventNames {
    // ---- Events API 2.0 web, offline and CRM
    /** {@code AddPaymentInfo}. */
    public static final String ADD_PAYMENT_INFO = "AddPaymentInfo";
    /** {@code AddToCart}. */
    public static final String ADD_TO_CART = "AddToCart";
    /** {@code AddToWishlist}. */
    public static final String ADD_TO_WISHLIST = "AddToWishlist";
    /** {@code ApplicationApproval}. */
    public static final String APPLICATION_APPROVAL = "ApplicationApproval";
    /** {@code CompleteRegistration}. */
    public static final String COMPLETE_REGISTRATION = "CompleteRegistration";
    /** {@code Contact}. */
    public static final String CONTACT = "Contact";
    /** {@code CustomizeProduct}. */
    public static final String CUSTOMIZE_PRODUCT = "CustomizeProduct";
    /** {@code Download}. */
    public static final String DOWNLOAD = "Download";
    /** {@code FindLocation}. */
    public static final String FIND_LOCATION = "FindLocation";
    /** {@code InitiateCheckout}. */
    public static final String INITIATE_CHECKOUT = "InitiateCheckout";
    /** {@code Lead}. */
    public static final String LEAD = "Lead";
    /** {@code Purchase}. */
    public static final String PURCHASE = "Purchase";
    /** {@code Schedule}. */
    public static final String SCHEDULE = "Schedule";
    /** {@code Search}. */
    public static final String SEARCH = "Search";
    /** {@code StartTrial}. */
    public static final String START_TRIAL = "StartTrial";
    /** {@code SubmitApplication}. */
    public static final String SUBMIT_APPLICATION = "SubmitApplication";
    /** {@code Subscribe}. */
    public static final String SUBSCRIBE = "Subscribe";
    /** {@code ViewContent}. */
    public static final String VIEW_CONTENT = "ViewContent";

    /** The 2.0 standard names for web, offline and CRM events. */
    public static final List<String> WEB_STANDARD = List.of(ADD_PAYMENT_INFO, ADD_TO_CART, ADD_TO_WISHLIST, APPLICATION_APPROVAL, COMPLETE_REGISTRATION, CONTACT, CUSTOMIZE_PRODUCT, DOWNLOAD, FIND_LOCATION, INITIATE_CHECKOUT, LEAD, PURCHASE, SCHEDULE, SEARCH, START_TRIAL, SUBMIT_APPLICATION, SUBSCRIBE, VIEW_CONTENT);

    // ---- Events API 2.0 app
    /** {@code AchieveLevel}. */
    public static final String ACHIEVE_LEVEL = "AchieveLevel";
    /** {@code Checkout}. */
    public static final String CHECKOUT = "Checkout";
    /** {@code CompleteTutorial}. */
    public static final String COMPLETE_TUTORIAL = "CompleteTutorial";
    /** {@code CreateGroup}. */
    public static final String CREATE_GROUP = "CreateGroup";
    /** {@code CreateRole}. */
    public static final String CREATE_ROLE = "CreateRole";
    /** {@code GenerateLead}. */
    public static final String GENERATE_LEAD = "GenerateLead";
    /** {@code InAppADClick}. */
    public static final String IN_APP_AD_CLICK = "InAppADClick";
    /** {@code InAppADImpr}. */
    public static final String IN_APP_AD_IMPR = "InAppADImpr";
    /** {@code InstallApp}. */
    public static final String INSTALL_APP = "InstallApp";
    /** {@code JoinGroup}. */
    public static final String JOIN_GROUP = "JoinGroup";
    /** {@code LaunchAPP}. */
    public static final String LAUNCH_APP = "LaunchAPP";
    /** {@code LoanApplication}. */
    public static final String LOAN_APPLICATION = "LoanApplication";
    /** {@code LoanApproval}. */
    public static final String LOAN_APPROVAL = "LoanApproval";
    /** {@code LoanDisbursal}. */
    public static final String LOAN_DISBURSAL = "LoanDisbursal";
    /** {@code Login}. */
    public static final String LOGIN = "Login";
    /** {@code Rate}. */
    public static final String RATE = "Rate";
    /** {@code Registration}. */
    public static final String REGISTRATION = "Registration";
    /** {@code SpendCredits}. */
    public static final String SPEND_CREDITS = "SpendCredits";
    /** {@code UnlockAchievement}. */
    public static final String UNLOCK_ACHIEVEMENT = "UnlockAchievement";

    /** The 2.0 standard names for app events. */
    public static final List<String> APP_STANDARD = List.of(ACHIEVE_LEVEL, CHECKOUT, COMPLETE_TUTORIAL, CREATE_GROUP, CREATE_ROLE, GENERATE_LEAD, IN_APP_AD_CLICK, IN_APP_AD_IMPR, INSTALL_APP, JOIN_GROUP, LAUNCH_APP, LOAN_APPLICATION, LOAN_APPROVAL, LOAN_DISBURSAL, LOGIN, RATE, REGISTRATION, SPEND_CREDITS, UNLOCK_ACHIEVEMENT);

    // ---- legacy names TikTok still accepts (renamed: CompletePayment to Purchase, SubmitForm to Lead)
    /** {@code CompletePayment}. */
    public static final String COMPLETE_PAYMENT = "CompletePayment";
    /** {@code PlaceAnOrder}. */
    public static final String PLACE_AN_ORDER = "PlaceAnOrder";
    /** {@code ClickButton}. */
    public static final String CLICK_BUTTON = "ClickButton";
    /** {@code SubmitForm}. */
    public static final String SUBMIT_FORM = "SubmitForm";
    /** {@code PageView}. */
    public static final String PAGE_VIEW = "PageView";

    /** Older names still accepted; prefer the current ones. */
    public static final List<String> LEGACY = List.of(COMPLETE_PAYMENT, PLACE_AN_ORDER, CLICK_BUTTON, SUBMIT_FORM, PAGE_VIEW);

    private EventNames() {
    }
}
