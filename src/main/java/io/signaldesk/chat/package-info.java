/**
 * Chat: the channel-agnostic command model and the chat adapters. So far it holds the command
 * catalog ({@code bot-commands/}) that drives Telegram and Discord registration, {@code /help} and the
 * README's command table, and the start-up report of which chat channels are on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat")
package io.signaldesk.chat;
